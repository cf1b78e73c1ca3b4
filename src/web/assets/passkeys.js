// Progressive enhancement: passkey sign-in and registration (WebAuthn) through the JSON API.
// Without JavaScript or WebAuthn the buttons stay hidden and the pages work with passwords.
// Markup: <div data-passkey="sign-in|register" data-csrf=… data-next=… hidden>
//           <button data-passkey-start> … <div role="alert" data-passkey-error data-message=…>

/** base64url → bytes */
function bytes(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** bytes → base64url */
function text(buffer) {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function post(url, csrf, body) {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

const descriptors = (list) => (list ?? []).map((c) => ({ ...c, id: bytes(c.id) }));

async function signIn(csrf) {
  const o = await post('/api/v1/auth/passkey/options', csrf, {});
  const cred = await navigator.credentials.get({
    publicKey: {
      challenge: bytes(o.challenge),
      rpId: o.rpId,
      timeout: o.timeout,
      userVerification: o.userVerification,
      allowCredentials: descriptors(o.allowCredentials),
    },
  });
  const r = cred.response;
  await post('/api/v1/auth/passkey', o.csrfToken, {
    id: cred.id,
    rawId: text(cred.rawId),
    type: cred.type,
    response: {
      clientDataJSON: text(r.clientDataJSON),
      authenticatorData: text(r.authenticatorData),
      signature: text(r.signature),
      ...(r.userHandle ? { userHandle: text(r.userHandle) } : {}),
    },
    clientExtensionResults: cred.getClientExtensionResults(),
  });
}

async function register(csrf) {
  const o = await post('/api/v1/me/passkeys/options', csrf, {});
  const cred = await navigator.credentials.create({
    publicKey: {
      rp: o.rp,
      user: { ...o.user, id: bytes(o.user.id) },
      challenge: bytes(o.challenge),
      pubKeyCredParams: o.pubKeyCredParams,
      timeout: o.timeout,
      attestation: o.attestation,
      authenticatorSelection: o.authenticatorSelection,
      excludeCredentials: descriptors(o.excludeCredentials),
    },
  });
  const r = cred.response;
  await post('/api/v1/me/passkeys', csrf, {
    id: cred.id,
    rawId: text(cred.rawId),
    type: cred.type,
    response: {
      clientDataJSON: text(r.clientDataJSON),
      attestationObject: text(r.attestationObject),
      transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
    },
    clientExtensionResults: cred.getClientExtensionResults(),
  });
}

if (typeof window.PublicKeyCredential === 'function' && navigator.credentials) {
  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) note.hidden = true;
  for (const box of document.querySelectorAll('[data-passkey]')) {
    const button = box.querySelector('[data-passkey-start]');
    const error = box.querySelector('[data-passkey-error]');
    if (!button) continue;
    box.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      if (error) error.textContent = '';
      try {
        await (box.dataset.passkey === 'register' ? register : signIn)(box.dataset.csrf ?? '');
        window.location.assign(box.dataset.next ?? '/');
      } catch {
        if (error) error.textContent = error.dataset.message ?? '';
        button.disabled = false;
      }
    });
  }
}
