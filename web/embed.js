/*
 * Liaison embed script. On any page, either of:
 *
 *   <liaison-timeline src="https://host/t/ID?person=x">
 *     <a href="https://host/t/ID?person=x">The timeline's title</a>
 *   </liaison-timeline>
 *   <script src="https://host/embed.js" async></script>
 *
 *   <div data-liaison-src="https://host/embed/ID?person=x"></div>
 *   <script src="https://host/embed.js" async></script>
 *
 * Each becomes a full-width, borderless iframe whose height follows the
 * timeline's content. What the element holds besides an iframe (the link
 * above, oEmbed's blockquote) is what a reader sees when this script
 * never runs; it is hidden once it does. The element <liaison-timeline>
 * takes a page's URL (/t/ID) or an embed's (/embed/ID), follows changes
 * to its src, and may be added to the page at any time. Heights are taken
 * only from each iframe's own window and origin.
 *
 * With data-liaison-sync-url (optionally naming a key, default
 * "liaison"), the <div>'s timeline view (filter, details, zoom, cursor) is
 * mirrored in this page's URL hash, and a URL with that hash opens the
 * timeline in that view. The hash changes only when the reader changes
 * the view, and only its own key. The widget adds no entry to this page's
 * history, so Back leaves the article, unless the placeholder also has
 * data-liaison-history="push": then each filter the reader chooses is an
 * entry, and Back and Forward bring the widget's views back.
 *
 * Each embed hears this page's colour scheme, which one with theme=host
 * takes (docs/http-api.md): data-liaison-theme="light|dark" on the
 * placeholder or around it, else the background behind it, else this
 * page's color-scheme.
 *
 * docs/embedding.md describes the messages.
 */
(function () {
  "use strict";

  var DEFAULT_HEIGHT = 600;
  var DEFAULT_TITLE = "Interactive relationship timeline";

  // embedURL is the embed page of a timeline URL given on this page: a
  // page's /t/ID becomes the embed's /embed/ID (under the same folder, as
  // a static export's base), and an /embed/ URL stays. It is null for
  // anything but an http(s) URL.
  function embedURL(raw) {
    var url;
    try {
      url = new URL(raw, document.baseURI);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    url.pathname = url.pathname.replace(/\/t\/([^/]+\/?)$/, "/embed/$1");
    url.hash = "";
    return url;
  }

  // shape makes iframe full-width and borderless, height px tall (or the
  // default), with nothing of its own sizing left.
  function shape(iframe, height) {
    iframe.removeAttribute("width");
    iframe.removeAttribute("height");
    iframe.setAttribute("scrolling", "no");
    iframe.style.cssText = "display:block;width:100%;border:0;height:" + (Number(height) > 0 ? Number(height) : DEFAULT_HEIGHT) + "px";
  }

  // hideFallback hides what holder shows besides iframe: the link or
  // blockquote for readers whom this script does not reach.
  function hideFallback(holder, iframe) {
    var nodes = Array.prototype.slice.call(holder.childNodes);
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node === iframe || node.nodeType === Node.COMMENT_NODE) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        if (/^\s*$/.test(node.data)) continue;
        var wrap = document.createElement("span");
        holder.insertBefore(wrap, node);
        wrap.appendChild(node);
        node = wrap;
      }
      node.hidden = true;
    }
  }

  // resizeMessage is the message {"type": "liaison:resize", "height",
  // "state"} of a MessageEvent from iframe's own window at origin, or null.
  function resizeMessage(event, iframe, origin) {
    if (event.source !== iframe.contentWindow || event.origin !== origin || typeof event.data !== "string") return null;
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return null;
    }
    if (!message || message.type !== "liaison:resize") return null;
    var height = Number(message.height);
    if (height > 0 && height < 100000) iframe.style.height = Math.ceil(height) + "px";
    return message;
  }

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
    var push = holder.getAttribute("data-liaison-history") === "push";
    if (holder.hasAttribute("data-liaison-sync-url")) {
      syncKey = holder.getAttribute("data-liaison-sync-url") || "liaison";
      var shared = hashParams().get(syncKey);
      if (shared !== null) src.search = shared;
    }
    // shown is the view the widget shows, as far as this page knows.
    var shown = src.search.replace(/^\?/, "");

    var iframe = holder.querySelector("iframe");
    if (!iframe) {
      iframe = document.createElement("iframe");
      iframe.title = holder.getAttribute("data-liaison-title") || DEFAULT_TITLE;
      iframe.loading = "lazy";
      holder.appendChild(iframe);
    }
    var height = iframe.getAttribute("height");
    if (iframe.src !== src.href) iframe.src = src.href;
    shape(iframe, height);
    hideFallback(holder, iframe);

    // wanted is the view this page asked the widget to show (going Back or
    // Forward) until the widget says it shows it; asked counts the asks.
    var wanted = null;
    var asked = 0;
    function ask() {
      asked++;
      if (iframe.contentWindow) {
        iframe.contentWindow.postMessage(JSON.stringify({ type: "liaison:navigate", state: wanted }), src.origin);
      }
    }

    window.addEventListener("message", function (event) {
      var message = resizeMessage(event, iframe, src.origin);
      if (!message) return;
      // The embed reports its size from its first paint, and after each
      // page it loads: the answer reaches each of its documents.
      tellTheme(iframe, src.origin, holder);
      if (syncKey === null || typeof message.state !== "string") return;
      if (wanted !== null) {
        // Going Back or Forward, the browser may also bring back an
        // earlier page of the widget, in place of the one asked for: it is
        // asked again, a few times at most.
        if (message.state !== wanted && asked < 3) return ask();
        wanted = null;
        shown = message.state;
        return;
      }
      if (message.state === shown) return;
      var entry = push && param(message.state, "person") !== param(shown, "person");
      shown = message.state;
      mirror(syncKey, shown, entry);
    });

    watchTheme(function () {
      tellTheme(iframe, src.origin, holder);
    });

    // Back and Forward through this page's entries show their views.
    if (syncKey !== null && push) {
      var initial = shown;
      window.addEventListener("popstate", function () {
        var state = hashParams().get(syncKey);
        if (state === null) state = initial;
        if (state === shown && wanted === null) return;
        shown = wanted = state;
        asked = 0;
        ask();
      });
    }
  }

  // tellTheme tells the embed in iframe this page's colour scheme around
  // holder, which an embed with theme=host takes.
  function tellTheme(iframe, origin, holder) {
    if (iframe.contentWindow) {
      iframe.contentWindow.postMessage(JSON.stringify({ type: "liaison:theme", theme: hostTheme(holder) }), origin);
    }
  }

  // hostTheme is this page's colour scheme around holder, "light" or
  // "dark": what the page says (data-liaison-theme), else what it shows
  // behind the holder, else what its color-scheme allows.
  function hostTheme(holder) {
    var named = holder.closest("[data-liaison-theme]");
    var theme = named && named.getAttribute("data-liaison-theme");
    if (theme === "light" || theme === "dark") return theme;
    for (var el = holder; el; el = el.parentElement) {
      var rgba = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(getComputedStyle(el).backgroundColor);
      if (!rgba || (rgba[4] !== undefined && Number(rgba[4]) === 0)) continue;
      // Relative luminance (sRGB's curve as a power of 2.2): under 0.18,
      // white text has more contrast on it than black.
      var l = 0.2126 * Math.pow(rgba[1] / 255, 2.2) + 0.7152 * Math.pow(rgba[2] / 255, 2.2) + 0.0722 * Math.pow(rgba[3] / 255, 2.2);
      return l < 0.18 ? "dark" : "light";
    }
    var scheme = getComputedStyle(document.documentElement).colorScheme || "";
    var prefersDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    if (/dark/.test(scheme) && (!/light/.test(scheme) || prefersDark)) return "dark";
    return "light";
  }

  // watchTheme calls changed when this page's scheme may have changed: the
  // reader's system setting, or an attribute of <html> or <body> (a class
  // or data-theme, as sites switch their dark mode).
  function watchTheme(changed) {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", changed);
    var observer = new MutationObserver(changed);
    observer.observe(document.documentElement, { attributes: true });
    if (document.body) observer.observe(document.body, { attributes: true });
  }

  // hashParams reads this page's hash as URL parameters.
  function hashParams() {
    return new URLSearchParams(location.hash.replace(/^#/, ""));
  }

  // param is one parameter of a query, "" when it has none.
  function param(query, name) {
    return new URLSearchParams(query).get(name) || "";
  }

  // mirror writes one widget's view into this page's hash, as a new
  // history entry or in place of the current one, without scrolling. The
  // rest of the hash stays as it was, an anchor included. An empty view
  // (everyone, the whole time) is written too, as "key=": without the key
  // the URL means the view the placeholder names.
  function mirror(key, state, entry) {
    var name = encodeURIComponent(key) + "=";
    var parts = location.hash.replace(/^#/, "").split("&").filter(function (part) {
      return part !== "" && part.indexOf(name) !== 0;
    });
    parts.push(name + encodeURIComponent(state));
    var hash = parts.join("&");
    var url = location.pathname + location.search + (hash ? "#" + hash : "");
    if (entry) history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
  }

  function setupAll() {
    var holders = document.querySelectorAll("[data-liaison-src]");
    for (var i = 0; i < holders.length; i++) setup(holders[i]);
  }

  // LiaisonTimeline is <liaison-timeline src="…">: an iframe of the
  // embed that src names, inside the element, sized by its messages while
  // the element is in the page. Without a valid src it shows its fallback.
  class LiaisonTimeline extends HTMLElement {
    static get observedAttributes() {
      return ["src"];
    }

    connectedCallback() {
      this.show();
      if (this.listener) return;
      var element = this;
      this.listener = function (event) {
        if (element.frame && resizeMessage(event, element.frame, element.origin)) {
          tellTheme(element.frame, element.origin, element);
        }
      };
      window.addEventListener("message", this.listener);
      if (this.watchingTheme) return; // watchTheme's watchers stay: once per element
      this.watchingTheme = true;
      watchTheme(function () {
        if (element.frame && element.isConnected) tellTheme(element.frame, element.origin, element);
      });
    }

    disconnectedCallback() {
      window.removeEventListener("message", this.listener);
      this.listener = null;
    }

    attributeChangedCallback() {
      if (this.isConnected) this.show();
    }

    // show makes the iframe show the embed of src, or, when src names
    // none, removes it and shows the fallback again.
    show() {
      var src = embedURL(this.getAttribute("src") || "");
      if (!src) {
        if (this.frame) this.frame.remove();
        this.frame = null;
        for (var i = 0; i < this.children.length; i++) this.children[i].hidden = false;
        return;
      }
      if (getComputedStyle(this).display === "inline") this.style.display = "block";
      if (!this.frame) {
        this.frame = document.createElement("iframe");
        this.frame.title = this.textContent.trim().replace(/\s+/g, " ") || DEFAULT_TITLE;
        this.frame.loading = "lazy";
        shape(this.frame, 0);
        this.appendChild(this.frame);
      }
      hideFallback(this, this.frame);
      this.origin = src.origin;
      if (this.frame.src !== src.href) this.frame.src = src.href;
    }
  }

  if (window.customElements && !customElements.get("liaison-timeline")) {
    customElements.define("liaison-timeline", LiaisonTimeline);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
