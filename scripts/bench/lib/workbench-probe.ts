/**
 * What the workbench bench runs inside the page, as a script installed before
 * the app's own (Playwright's addInitScript). It is a string, not a function:
 * tsx compiles functions with helpers (`__name`) that do not exist in the page.
 *
 * `arm(name, arg, inputType)` starts watching for a state of the page (an
 * annotation open in the panel, the list shown, a text in the panel) before
 * the action; `result()` resolves once that state is in the DOM and painted:
 * seen by a MutationObserver (in the microtask after React commits), then two
 * animation frames, the second of which starts after the frame showing it was
 * painted. The action's start is the `timeStamp` of its input event
 * (keydown or click, captured on window before the app sees it), so the figure
 * is the page's own work, without the round trip to Playwright. Before each
 * step but the first, `settled()` waits until the page's own requests are
 * done and its main thread idle, so that a step does not pay for the one
 * before. All times are performance.now(): ms since the navigation started.
 *
 * The selectors below are the page's contract with this bench; if the
 * workbench's markup changes, change them here.
 */
export const PROBE_SCRIPT = String.raw`(() => {
  const PANEL = 'aside[aria-label="Annotation details"]';
  const OPEN_HEADING = "#wb-panel-heading";
  const LIST = ".wb-index";
  let panelElement = null;
  const panel = () => (panelElement && panelElement.isConnected ? panelElement : (panelElement = document.querySelector(PANEL)));
  const textIn = (root, wanted) => {
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(wanted)) return true;
    return false;
  };
  const predicates = {
    panelOpen: () => Boolean(panel() && panel().querySelector(OPEN_HEADING)),
    listShown: () => Boolean(panel() && !panel().querySelector(OPEN_HEADING) && panel().querySelector(LIST)),
    panelHasText: (wanted) => textIn(panel(), wanted),
  };
  // Requests the page makes itself (the catch-up read after the stream opens, the review count): a step starts once they are done.
  let inFlight = 0;
  let lastRequestAt = 0;
  const fetchOf = window.fetch;
  window.fetch = function (...args) {
    inFlight++;
    lastRequestAt = performance.now();
    return fetchOf.apply(this, args).finally(() => {
      inFlight--;
      lastRequestAt = performance.now();
    });
  };
  let pending = null;
  for (const type of ["keydown", "click"]) {
    addEventListener(type, (event) => {
      if (pending && pending.inputType === type && pending.inputAt === null) pending.inputAt = event.timeStamp;
    }, true);
  }
  window.__bench = {
    /** Resolves once the page reads "Live": hydrated, its event stream open, its keys listened to. */
    whenLive: () => new Promise((resolve) => {
      const live = () => {
        const status = document.querySelector('[data-testid="live-connection"]');
        return Boolean(status && status.textContent.trim() === "Live");
      };
      if (live()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!live()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    }),
    /** Resolves when no request of the page's has been in flight for 300 ms and the main thread has been idle. */
    settled: () => new Promise((resolve) => {
      const check = () => {
        if (inFlight > 0 || performance.now() - lastRequestAt < 300) return setTimeout(check, 50);
        requestIdleCallback(() => resolve(performance.now()), { timeout: 2000 });
      };
      check();
    }),
    arm: (name, arg, inputType) => {
      const holds = () => predicates[name](arg);
      if (holds()) throw new Error(name + " holds already, before the action");
      const state = { inputType: inputType || null, inputAt: null, promise: null };
      state.promise = new Promise((resolve) => {
        let done = false;
        const observer = new MutationObserver(() => {
          if (done || !holds()) return;
          done = true;
          observer.disconnect();
          const seenAt = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve({ seenAt, paintedAt: performance.now(), inputAt: state.inputAt })));
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      });
      pending = state;
    },
    result: () => {
      const state = pending;
      pending = null;
      return state.promise;
    },
    /**
     * The viewport point in the middle of an annotation's first highlighted piece, scrolled into view: highlights are
     * not elements (decision 027), so the text root's test hook (factmarkHighlights) says where it is drawn.
     */
    pointAt: (id) => {
      const root = document.querySelector(".wb-text");
      const hook = root.factmarkHighlights;
      const drawn = hook && hook.describe(id);
      if (!drawn || drawn.block === null) return null;
      root.querySelector('[data-start="' + drawn.block + '"]').scrollIntoView({ block: "center" });
      const box = hook.firstBox(id);
      return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    /** Selects [start, end) of the article text as a drag would, from the blocks that carry data-start offsets (one text node each). */
    select: (start, end) => {
      const root = document.querySelector(".wb-text");
      const runs = [...root.querySelectorAll("[data-start]")];
      const locate = (offset, isEnd) => {
        for (const run of runs) {
          const from = Number(run.getAttribute("data-start"));
          const node = run.firstChild;
          if (offset >= from && (offset < from + node.length || (isEnd && offset === from + node.length))) return { node, offset: offset - from };
        }
        throw new Error("offset " + offset + " is not rendered");
      };
      const from = locate(start, false);
      const to = locate(end, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    network: () => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      return {
        firstByte: navigation.responseStart,
        htmlDone: navigation.responseEnd,
        htmlEncoded: navigation.encodedBodySize,
        htmlDecoded: navigation.decodedBodySize,
        allTransferred: navigation.transferSize + resources.reduce((sum, entry) => sum + entry.transferSize, 0),
        resources: resources.length,
      };
    },
    elements: () => document.getElementsByTagName("*").length,
    timeOrigin: () => performance.timeOrigin,
  };
})();`;

export type Painted = { seenAt: number; paintedAt: number; inputAt: number | null };
export type Network = {
  firstByte: number;
  htmlDone: number;
  htmlEncoded: number;
  htmlDecoded: number;
  allTransferred: number;
  resources: number;
};
