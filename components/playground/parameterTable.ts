/** Every W^l and b^l of the network as small tables of numbers, the same markup saved at build time and redrawn live. */
import { toSuperscript } from "./diagram";
import { type Session } from "./session";
import { formatNumber } from "../kit/formatNumber";

/** One layer's W^l (rows j, columns k) and b^l as a table of numbers, negative ones marked. */
export function renderLayerTable(document: Document, layer: Session["network"]["layers"][number], l: number): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "pg-table-wrap";
  const table = document.createElement("table");
  table.className = "pg-table";
  const caption = document.createElement("caption");
  caption.textContent = `W${toSuperscript(l)} (${layer.outputSize} × ${layer.inputSize}) and b${toSuperscript(l)}`;
  table.append(caption);
  const header = (text: string, scope: "col" | "row") => {
    const cell = document.createElement("th");
    cell.textContent = text;
    cell.setAttribute("scope", scope);
    return cell;
  };
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  headRow.append(header("j \\ k", "col"));
  for (let k = 0; k < layer.inputSize; k++) headRow.append(header(String(k + 1), "col"));
  headRow.append(header(`b${toSuperscript(l)}`, "col"));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (let j = 0; j < layer.outputSize; j++) {
    const row = document.createElement("tr");
    row.append(header(String(j + 1), "row"));
    const values = [...layer.weights.subarray(j * layer.inputSize, (j + 1) * layer.inputSize), layer.biases[j]];
    values.forEach((value, k) => {
      const cell = document.createElement("td");
      cell.textContent = formatNumber(value);
      if (value < 0) cell.classList.add("pg-negative");
      if (k === values.length - 1) cell.classList.add("pg-bias");
      row.append(cell);
    });
    body.append(row);
  }
  table.append(head, body);
  wrap.append(table);
  return wrap;
}

/** Every layer's table, W¹ first. */
export function renderParameterTables(document: Document, network: Session["network"]): HTMLElement[] {
  return network.layers.map((layer, index) => renderLayerTable(document, layer, index + 1));
}
