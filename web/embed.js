/*
 * Liaison embed script. On any page:
 *
 *   <div data-liaison-src="https://host/embed/ID?person=x"></div>
 *   <script src="https://host/embed.js" async></script>
 *
 * Each placeholder becomes a full-width, borderless iframe whose height
 * follows the timeline's content. Heights are taken only from that
 * iframe's own window and origin. With data-liaison-sync-url (optionally
 * naming a key, default "liaison"), the timeline's view (filter, details,
 * zoom, cursor) is mirrored in this page's URL hash, and a URL with that
 * hash opens the timeline in that view.
 */
(function () {
  "use strict";

  var DEFAULT_HEIGHT = 600;

  function setup(holder) {
    if (holder.hasAttribute("data-liaison-ready")) return;
    holder.setAttribute("data-liaison-ready", "");

    var src;
    try {
      src = new URL(holder.getAttribute("data-liaison-src"), document.baseURI);
    } catch (e) {
      return;
    }
    if (src.protocol !== "https:" && src.protocol !== "http:") return;

    var syncKey = null;
    if (holder.hasAttribute("data-liaison-sync-url")) {
      syncKey = holder.getAttribute("data-liaison-sync-url") || "liaison";
      var shared = hashParams().get(syncKey);
      if (shared !== null) src.search = shared;
    }

    var iframe = document.createElement("iframe");
    iframe.src = src.href;
    iframe.title = holder.getAttribute("data-liaison-title") || "Interactive relationship timeline";
    iframe.loading = "lazy";
    iframe.setAttribute("scrolling", "no");
    iframe.style.cssText = "display:block;width:100%;border:0;height:" + DEFAULT_HEIGHT + "px";
    holder.appendChild(iframe);

    window.addEventListener("message", function (event) {
      if (event.source !== iframe.contentWindow || event.origin !== src.origin) return;
      var message;
      try {
        message = typeof event.data === "string" ? JSON.parse(event.data) : null;
      } catch (e) {
        return;
      }
      if (!message || message.type !== "liaison:resize") return;
      var height = Number(message.height);
      if (height > 0 && height < 100000) iframe.style.height = Math.ceil(height) + "px";
      if (syncKey !== null && typeof message.state === "string") mirror(syncKey, message.state);
    });
  }

  // hashParams reads this page's hash as URL parameters.
  function hashParams() {
    return new URLSearchParams(location.hash.replace(/^#/, ""));
  }

  // mirror writes one widget's view into this page's hash, without adding
  // a history entry or scrolling.
  function mirror(key, state) {
    var params = hashParams();
    if (state) params.set(key, state);
    else params.delete(key);
    var hash = params.toString();
    if (hash === location.hash.replace(/^#/, "")) return;
    history.replaceState(history.state, "", location.pathname + location.search + (hash ? "#" + hash : ""));
  }

  function setupAll() {
    var holders = document.querySelectorAll("[data-liaison-src]");
    for (var i = 0; i < holders.length; i++) setup(holders[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
