/** File types worth compressing: text. Fonts, images and the search index are compressed already. */
export declare const compressibleTypes: readonly string[];
