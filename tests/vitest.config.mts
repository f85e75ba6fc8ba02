import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // argon2 at OWASP parameters is deliberately slow; give sign-in heavy tests room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
