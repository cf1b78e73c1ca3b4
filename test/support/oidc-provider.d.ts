// Minimal types for the parts of oidc-provider the tests use (the package ships none).
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: unknown, res: unknown) => void;
  }
}
