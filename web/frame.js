/*
 * Liaison's embed script, which every page loads. In an iframe, it tells
 * the page around it how tall this page is and which view it shows, each
 * time either changes, from the first paint on: before the WebAssembly
 * arrives (seconds on a slow network), and if it never does, the iframe
 * fits the prerendered timeline. The app announces each view it writes
 * into the URL with a "liaison:view" event on the window, whose detail is
 * the view's query; until the first, the view is the page's URL's.
 *
 * It speaks the three dialects that newsrooms' pages already listen for,
 * and says nothing but the height and the view:
 *   - Pym.js: "pymxPYMx<childId>xPYMxheightxPYMx<px>", when the page was
 *     given a childId (Pym's parent adds it to the iframe's URL);
 *   - AMP's amp-iframe: {sentinel: "amp", type: "embed-size", height};
 *   - Liaison's own, for embed.js: the JSON text
 *     {"type": "liaison:resize", "height": px, "state": "person=…"}.
 *
 * A page that keeps the widget's views in its history (embed.js with
 * data-liaison-history="push") sends {"type": "liaison:navigate", "state"}
 * when the reader goes Back or Forward to one: the embed loads that view.
 *
 * embed.js also sends {"type": "liaison:theme", "theme": "light"|"dark"},
 * the host page's colour scheme: it is kept on <html data-host-theme>,
 * which an embed with theme=host takes its colours from (liaison.css).
 */
(function () {
  "use strict";

  if (window.parent === window) return;

  var childId = new URLSearchParams(location.search).get("childId");
  var height = 0;
  var state = null;
  var view = location.search.replace(/^\?/, "");

  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    var s = view;
    if (h === height && s === state) return;
    height = h;
    state = s;
    var parent = window.parent;
    if (childId) parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    parent.postMessage(JSON.stringify({ type: "liaison:resize", height: h, state: s }), "*");
  }

  // A ResizeObserver reports the first size as soon as it observes.
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("liaison:view", function (event) {
    if (typeof event.detail === "string") view = event.detail;
    send();
  });

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || typeof event.data !== "string") return;
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (message && message.type === "liaison:theme") {
      if (message.theme === "light" || message.theme === "dark") {
        document.documentElement.setAttribute("data-host-theme", message.theme);
      }
      return;
    }
    if (!message || message.type !== "liaison:navigate" || typeof message.state !== "string") return;
    var query = message.state ? "?" + message.state : "";
    if (query === location.search) {
      state = null; // the view is shown already: say so
      send();
      return;
    }
    // In place of this view, not after it: the frame's history entries
    // would be the article's.
    location.replace(location.pathname + query);
  });
})();
