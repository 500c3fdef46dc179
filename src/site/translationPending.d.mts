/** English chapters whose Chinese edition is not written yet. */
export declare const TRANSLATION_PENDING: readonly string[];
