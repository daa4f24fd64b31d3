// Starts the app's wasm once the page has painted. The first view is in the HTML (rendered
// ahead by the build), so the wasm must not compete with it for the network or the main
// thread; a page that never paints (a background tab) starts after 3 s. Trunk names the
// glue and the wasm in this script's address (`pattern_script` in Trunk.toml), so this file
// is the same in every build and needs no patching.
const params = new URL(import.meta.url).searchParams;
const file = (key) => {
  const name = params.get(key) ?? "";
  // Only a file next to this one: nothing in the address can point the page elsewhere.
  if (!/^[\w.-]+$/.test(name)) throw new Error(`boot.js: bad ${key}`);
  return new URL(name, import.meta.url).href;
};
const [js, wasm] = [file("js"), file("wasm")];
await new Promise((go) => {
  try {
    new PerformanceObserver((list, seen) => {
      seen.disconnect();
      go();
    }).observe({ type: "paint", buffered: true });
  } catch (e) {
    go();
  }
  setTimeout(go, 3000);
});
const bindings = await import(js);
const instance = await bindings.default({ module_or_path: wasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
