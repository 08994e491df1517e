//go:build !wasm

package app

// Liaison: hydration (hydrate.go). hydrateJS is added to app.js.
//
// goappHydrate makes node, the element the server rendered, into the tree
// the WebAssembly rendered, described in tree (JSON, in pre-order: an
// element is [1, tag, xmlns, plain attribute count, name, value, …,
// property attribute count, name, …, child count], a text [0, value], raw
// HTML [2, html]). It keeps every node that fits (the same kind, and for an
// element the same tag), sets the attributes and texts that differ,
// removes what the tree does not have, builds what the page lacks, and
// returns the nodes in the order of the description. Attributes go-app
// sets as properties (value, checked, …) are left to it. Whitespace and
// comments between elements, which the server's indentation adds, go.
const hydrateJS = `
// -----------------------------------------------------------------------------
// Hydration (Liaison)
// -----------------------------------------------------------------------------
function goappHydrate(node, tree) {
  const d = JSON.parse(tree);
  const nodes = [];
  let i = 0;

  const fits = (n) => {
    if (!n) {
      return false;
    }
    switch (d[i]) {
      case 0:
        return n.nodeType === Node.TEXT_NODE;
      case 1:
        return n.nodeType === Node.ELEMENT_NODE && n.localName === d[i + 1] &&
          n.namespaceURI === (d[i + 2] || "http://www.w3.org/1999/xhtml");
      default:
        return false;
    }
  };

  const build = () => {
    switch (d[i++]) {
      case 0: {
        const t = document.createTextNode(d[i++]);
        nodes.push(t);
        return t;
      }
      case 2: {
        const wrapper = document.createElement("div");
        wrapper.innerHTML = d[i++];
        const r = wrapper.firstChild;
        r.remove();
        nodes.push(r);
        return r;
      }
    }
    const tag = d[i++], xmlns = d[i++];
    const el = xmlns ? document.createElementNS(xmlns, tag) : document.createElement(tag);
    nodes.push(el);
    for (let n = d[i++]; n > 0; n--, i += 2) {
      el.setAttribute(d[i], d[i + 1]);
    }
    i += 1 + d[i];
    for (let n = d[i++]; n > 0; n--) {
      el.appendChild(build());
    }
    return el;
  };

  const adopt = (el) => {
    nodes.push(el);
    if (d[i] === 0) {
      const value = d[i + 1];
      i += 2;
      if (el.nodeValue !== value) {
        el.nodeValue = value;
      }
      return;
    }
    i += 3;
    const keep = new Set();
    for (let n = d[i++]; n > 0; n--, i += 2) {
      keep.add(d[i]);
      if (el.getAttribute(d[i]) !== d[i + 1]) {
        el.setAttribute(d[i], d[i + 1]);
      }
    }
    for (let n = d[i++]; n > 0; n--) {
      keep.add(d[i++]);
    }
    for (const name of el.getAttributeNames()) {
      if (!keep.has(name)) {
        el.removeAttribute(name);
      }
    }
    let at = el.firstChild;
    for (let n = d[i++]; n > 0; n--) {
      while (at && d[i] !== 0 && (at.nodeType === Node.COMMENT_NODE ||
        (at.nodeType === Node.TEXT_NODE && at.nodeValue.trim() === ""))) {
        const next = at.nextSibling;
        at.remove();
        at = next;
      }
      if (fits(at)) {
        const next = at.nextSibling;
        adopt(at);
        at = next;
      } else {
        el.insertBefore(build(), at);
      }
    }
    while (at) {
      const next = at.nextSibling;
      at.remove();
      at = next;
    }
  };

  if (fits(node)) {
    adopt(node);
  } else {
    node.replaceWith(build());
  }
  return nodes;
}
`
