/*
 * Liaison's embed script, which every page loads. In an iframe, it tells
 * the page around it how tall this page is and which view it shows, each
 * time either changes, from the first paint on: before the WebAssembly
 * arrives (seconds on a slow network), and if it never does, the iframe
 * fits the prerendered timeline. The app announces each view it writes
 * into the URL with a "liaison:view" event on the window, whose detail is
 * the view's query; until the first, the view is the page's URL's.
 *
 * It speaks the four dialects that newsrooms' pages already listen for,
 * and says nothing but the height, the view and (to WordPress) a link to
 * this site that the reader clicked:
 *   - Pym.js: "pymxPYMx<childId>xPYMxheightxPYMx<px>", when the page was
 *     given a childId (Pym's parent adds it to the iframe's URL);
 *   - AMP's amp-iframe: {sentinel: "amp", type: "embed-size", height};
 *   - WordPress's wp-embed.js: {message: "height", value: px, secret},
 *     when the URL's hash carries WordPress's "#?secret=…" (see
 *     wordpress below);
 *   - Liaison's own, for embed.js: the JSON text
 *     {"type": "liaison:resize", "height": px, "state": "person=…"}.
 * docs/embedding.md describes every message.
 *
 * A page that keeps the widget's views in its history (embed.js with
 * data-liaison-history="push") sends {"type": "liaison:navigate", "state"}
 * when the reader goes Back or Forward to one: the embed loads that view
 * of its own page, and nothing else.
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

  // wordpress is the secret of WordPress's embed (wp_filter_oembed_result
  // puts "#?secret=" and ten letters or digits on the iframe's URL, and
  // wp-embed.js sizes only the iframe whose messages carry it), or "".
  // The page keeps it in window.name, which a frame keeps when it goes to
  // another page: a reader without the WebAssembly changes the view by
  // loading its page, whose URL has no hash.
  var secretPattern = /^[a-zA-Z0-9]{1,64}$/;
  var secretName = "liaison-secret:";
  var wordpress = "";
  function findSecret() {
    var found = /[#&?]secret=([^&]*)/.exec(location.hash);
    var secret = found ? found[1] : window.name.indexOf(secretName) === 0 ? window.name.slice(secretName.length) : "";
    if (!secretPattern.test(secret)) return;
    wordpress = secret;
    window.name = secretName + secret;
  }
  findSecret();

  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    var s = view;
    if (h === height && s === state) return;
    height = h;
    state = s;
    var parent = window.parent;
    if (childId) parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    if (wordpress) parent.postMessage({ message: "height", value: h, secret: wordpress }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    parent.postMessage(JSON.stringify({ type: "liaison:resize", height: h, state: s }), "*");
  }

  // sendAgain sends the height even though it has not changed, to a page
  // that asks (it was not listening yet).
  function sendAgain() {
    height = 0;
    send();
  }

  // A ResizeObserver reports each size once the frame is drawn. Chromium
  // draws no hidden frame of another site, and WordPress hides its iframe
  // until the frame's first message: that one is sent now, and again when
  // the page has loaded.
  new ResizeObserver(send).observe(document.documentElement);
  send();
  window.addEventListener("load", send);
  window.addEventListener("liaison:view", function (event) {
    if (typeof event.detail === "string") view = event.detail;
    send();
  });
  // wp-embed.js adds the secret to the hash itself when WordPress's
  // markup lacked it.
  window.addEventListener("hashchange", function () {
    if (wordpress) return;
    findSecret();
    if (wordpress) sendAgain();
  });

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    var message = event.data;
    // wp-embed.js says it is ready, with the secret of this frame: it
    // missed the height if the frame loaded first.
    if (message && typeof message === "object" && message.message === "ready") {
      if (wordpress && message.secret === wordpress) sendAgain();
      return;
    }
    if (typeof message !== "string") return;
    try {
      message = JSON.parse(message);
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
    // The state is a query of this page: whatever it says, the frame stays
    // on this page of this site, whose URL only its query changes.
    var next = new URL(location.href);
    next.hash = "";
    next.search = message.state;
    if (next.search === location.search) {
      state = null; // the view is shown already: say so
      send();
      return;
    }
    // In place of this view, not after it: the frame's history entries
    // would be the article's.
    location.replace(next.href);
  });

  // WordPress's sandbox opens no window: a link that would open one (the
  // full timeline) is sent to wp-embed.js instead, which opens it in the
  // article's tab when it is on this site and the reader clicked it in
  // this frame, as WordPress's own embeds do. A link to another site (a
  // source) is left to the browser, which refuses it in the sandbox.
  document.addEventListener("click", function (event) {
    if (!wordpress || event.defaultPrevented || event.button !== 0 ||
      event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var link = event.target.closest && event.target.closest("a[href][target]");
    if (!link || !link.target || link.target === "_self" || link.host !== location.host ||
      (link.protocol !== "https:" && link.protocol !== "http:")) return;
    event.preventDefault();
    window.parent.postMessage({ message: "link", value: link.href, secret: wordpress }, "*");
  });
})();
