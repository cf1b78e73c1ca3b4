// People and organisations: the shared tables and the lookups every feature uses.
export * from './schema.ts';
export * from './service.ts';
