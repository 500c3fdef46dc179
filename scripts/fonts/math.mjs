// The characters KaTeX draws for the book's math: every formula in the chapters and pages, rendered as the build
// renders it, plus a sample of what widgets and new formulas commonly write (letters, digits, Greek, operators,
// delimiters at every size), so new math rarely needs a glyph outside the subsets.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import katex from "katex";

const folders = ["content", "src/pages"];
const common = String.raw`
abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 \mathrm{abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ}
\mathbf{abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789} \boldsymbol{\delta \sigma \eta \theta w x y z}
\text{a-z A-Z 0-9 , . ; : ! ? ( ) [ ] ' " - – —} \alpha\beta\gamma\delta\epsilon\varepsilon\zeta\eta\theta\iota\kappa\lambda\mu\nu\xi\pi\rho\sigma\tau\upsilon\phi\varphi\chi\psi\omega
\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Phi\Psi\Omega \partial\nabla\sum\prod\int\sqrt{x}\frac{a}{b}\cdot\times\div\pm\leq\geq\neq\approx\equiv\sim\propto
\to\leftarrow\rightarrow\Rightarrow\mapsto\infty\in\notin\subset\odot\otimes\circ\top\prime\ldots\cdots\vdots\ddots\hat{x}\bar{x}\tilde{x}\vec{x}
\left( \frac{a}{b} \right) \left[ \frac{a}{b} \right] \left\{ \frac{a}{b} \right\} \left| \frac{a}{b} \right| \left\| x \right\|
\big( \Big( \bigg( \Bigg( \big] \Big] \bigg] \Bigg] \big\} \Big\} \bigg\} \Bigg\} \big| \Big| \bigg| \Bigg|
\sum_{i=1}^{n} \prod_{k} \int_0^1 \max \min \log \exp \ln \tanh \operatorname{ReLU} \mathbb{R} \mathcal{L} \le \ge \lVert x \rVert \langle x \rangle
+-=<>/*!|:;,.'
`;

/** TeX of every formula in the book's MDX sources (inline $…$ and display $$…$$). */
function formulas() {
  const found = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extname(name) === ".mdx") {
        const text = readFileSync(path, "utf8").replace(/```[\s\S]*?```/g, "");
        for (const [, display, inline] of text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)) found.push(display ?? inline);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

/** Code points in KaTeX's rendering of the book's formulas and the common sample. */
export function mathCharacters() {
  const points = new Set();
  for (const tex of [...formulas(), common]) {
    const html = katex.renderToString(tex.replace(/\\label\{[^}]*\}/g, ""), { throwOnError: false, strict: false, output: "html", displayMode: true });
    const text = html.replace(/<[^>]*>/g, "").replace(/&[#\w]+;/g, (entity) => decodeEntity(entity));
    for (const character of text) points.add(character.codePointAt(0));
  }
  return points;
}

function decodeEntity(entity) {
  const named = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&nbsp;": "\u00a0" };
  if (named[entity]) return named[entity];
  const match = entity.match(/^&#(x?)([0-9a-f]+);$/i);
  return match ? String.fromCodePoint(parseInt(match[2], match[1] ? 16 : 10)) : entity;
}
