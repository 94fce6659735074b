const file = process.argv[2]!;
const mod = await import(file);
const out: Record<string, unknown> = {};
for (const [k, v] of Object.entries(mod)) if (v && typeof v === 'object') out[k] = JSON.parse(JSON.stringify(v));
// also include the optional markers (symbol-free in typebox 1: '~optional')
process.stdout.write(JSON.stringify(out, null, 1));
