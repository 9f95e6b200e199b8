// Vite build for the PWA: Preact, and vite-plugin-pwa in injectManifest mode so
// the service worker is our own sw.ts (it drains the outbox on Background Sync
// through src/sync) with the precache manifest injected at build time.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { resolve } from 'node:path';

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** Every module `root` imports statically, itself included. */
function staticallyReached(graph: ModuleGraph, root: string): Set<string> {
  const seen = new Set<string>();
  for (let todo = [root]; todo.length > 0;) {
    const id = todo.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * Two chunks for what every start loads just after the first render, rather
 * than some thirty small ones (one gzip stream packs better than many): the
 * capture screen fetches some 6.8 KB gzipped less. "startup": the write path
 * and the page's sync (what src/db/writes.ts and src/sync/page.ts import).
 * "chrome": the late parts of the page (menu, footer, sync bar, update
 * banner, error summary, "My ideas", the inbox badge). Worked out from the
 * module graph at build time: what the first render needs stays in the entry,
 * a new module on these paths joins by itself, and one that only another
 * screen imports keeps its own chunk.
 */
function startupChunk(): (id: string, graph: ModuleGraph) => string | null {
  let groups: Map<string, string> | null = null;
  return (id, graph) => {
    if (!groups) {
      const reached = (roots: readonly string[]) =>
        roots.flatMap((root) => [...staticallyReached(graph, resolve(import.meta.dirname, root))]);
      const entry = new Set(reached(['src/main.tsx']));
      groups = new Map();
      for (const m of reached(['src/db/writes.ts', 'src/sync/page.ts']))
        if (!entry.has(m)) groups.set(m, 'startup');
      for (const m of reached([
        'src/ui/components/lateChrome.ts',
        'src/ui/components/SyncBar.tsx',
        'src/ui/components/UpdateBanner.tsx',
        'src/ui/components/ErrorSummary.tsx',
        'src/ui/screens/capture/MyIdeas.tsx',
        'src/ui/reads/inboxCount.ts',
      ]))
        if (!entry.has(m) && !groups.has(m)) groups.set(m, 'chrome');
    }
    return groups.get(id) ?? null;
  };
}

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      registerType: 'prompt',
      // We register the worker ourselves (src/ui/serviceWorker.ts), so
      // no registerSW.js and no inline script (the CSP is script-src 'self').
      injectRegister: false,
      manifest: {
        name: 'Ground Up',
        short_name: 'Ground Up',
        description:
          'Capture, test and measure improvement ideas with your ward team — works with no signal.',
        lang: 'en-GB',
        theme_color: '#005eb8',
        background_color: '#f0f4f5',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // A classic (not module) worker: module service workers are not yet
        // everywhere our wards' phones are.
        rollupFormat: 'iife',
        // The plugin adds manifest.webmanifest itself, and the globs already
        // take the icons, so neither is listed twice.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
      },
      includeManifestIcons: false,
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    // Dexie's own ES2018 build, not the ES5 one its package points at: the
    // same library, some 2 KB gzipped less on the capture screen. Every import
    // of 'dexie' comes here, so there is still one Dexie per bundle.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.min.mjs' }],
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Every browser we support has <link rel=modulepreload>; the polyfill
    // would only cost the capture screen's budget.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // Lazy chunks by hash alone: the first load carries the name of every
        // chunk a lazy screen needs (Vite's preload list), and readable names
        // there cost the capture screen's budget some 150 bytes gzipped.
        chunkFileNames: 'assets/[hash].js',
        codeSplitting: {
          groups: [{ name: startupChunk(), includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
