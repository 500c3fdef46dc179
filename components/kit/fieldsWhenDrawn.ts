/**
 * Writes a widget's fields kept in `<template data-field-when-drawn>` (FieldWhenDrawn.astro) into the page,
 * each in its slot. A widget does so once it is drawn, and before its runtime starts, which may look them up.
 */
import { whenDrawn } from "../../src/site/whenDrawn";

/** Writes out every field `element` keeps for later, now; a second call finds none left. */
export function writeFields(element: HTMLElement): void {
  for (const template of element.querySelectorAll<HTMLTemplateElement>("template[data-field-when-drawn]")) template.replaceWith(template.content);
}

/** Writes out `element`'s fields as soon as it is drawn: at once if it is, else when its part is, or a reader tabs in. */
export function writeFieldsWhenDrawn(element: HTMLElement): void {
  if (element.querySelector("template[data-field-when-drawn]")) whenDrawn(element, () => writeFields(element));
}
