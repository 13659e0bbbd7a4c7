package dev.tc0.compile.transformer;

/** How a head turns scores into weights. */
public enum AttentionKind {
    /** s_ij = exp(σ_ij·scale), weights s_ij / Z_i: the standard transformer. */
    SOFTMAX("softmax"),
    /** s_ij = 1 on the arg-max set of σ_i·, 0 elsewhere: uniform over the maxima (Sat22, Lemma 3). */
    SATURATED("saturated");

    private final String json;

    AttentionKind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static AttentionKind fromJson(String s) {
        for (AttentionKind k : values()) if (k.json.equals(s)) return k;
        return null;
    }
}
