package dev.tc0.compile.transformer;

/** How the last hidden states become the model's answer, through the {@code unembed} map. */
public enum OutputMode {
    /** Accept iff w·h_1 + b &gt; 0 on the first position (Sat22 Def 5). Unembedding d x 1. */
    CLASSIFY_FIRST("classify_first"),
    /** Accept iff w·h_n + b &gt; 0 on the last position (NeurIPS23 Def 2). Unembedding d x 1. */
    CLASSIFY_LAST("classify_last"),
    /** Per position, the label whose logit is largest; ties go to the lowest index. d x labels. */
    ARGMAX("argmax"),
    /** Per position, the scalar w·h_i + b (Tracr's numerical outputs). Unembedding d x 1. */
    VALUE("value");

    private final String json;

    OutputMode(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean isClassifier() {
        return this == CLASSIFY_FIRST || this == CLASSIFY_LAST;
    }

    public static OutputMode fromJson(String s) {
        for (OutputMode m : values()) if (m.json.equals(s)) return m;
        return null;
    }
}
