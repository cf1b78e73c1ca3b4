// subset-font ships no types; the part scripts/kern-assets.ts uses.
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype'; keepFeatures?: string[]; noHinting?: boolean },
  ): Promise<Buffer>;
}
