package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void objectsOneFieldPerLineArraysOnOneLineMatricesOneRowPerLine() {
        JsonText j = new JsonText().beginObject();
        j.field("name").string("a \"quoted\"\nname");
        j.field("bos").nullableString(null);
        j.field("precision").beginInlineObject().field("bits").number(12).endObject();
        j.field("flags").booleans(List.of(false, true));
        j.field("heads").intLists(List.of(List.of(1, 0), List.of(2, 3)));
        j.field("inner")
                .beginObject()
                .field("w")
                .matrix(new double[][] {{1, -0.5}, {}})
                .field("b")
                .vector(new double[] {2.5e-7})
                .field("none")
                .matrix(new double[0][])
                .endObject();
        j.endObject();
        assertEquals("""
                {
                  "name": "a \\"quoted\\"\\nname",
                  "bos": null,
                  "precision": {"bits": 12},
                  "flags": [false, true],
                  "heads": [[1, 0], [2, 3]],
                  "inner": {
                    "w": [
                      [1, -0.5],
                      []
                    ],
                    "b": [2.5E-7],
                    "none": []
                  }
                }""", j.toString());
    }

    @Test
    void numbersReadBackAsTheSameDouble() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 4) {
                case 0 -> rnd.nextInt(-1000, 1000); // integers: no fraction
                case 1 -> Math.round(rnd.nextDouble(-2, 2) * 1000) / 1000.0; // model weights
                case 2 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-300, 300));
                default -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL) * (rnd.nextBoolean() ? 1 : -1);
            };
        }
        String text = new JsonText().vector(v).toString();
        JsonNode back = new ObjectMapper().readTree(text);
        String[] written = text.substring(1, text.length() - 1).split(", ");
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], back.get(i).asDouble(), "index " + i + ": " + written[i]);
            if (i % 4 == 0) assertFalse(written[i].contains(".") || written[i].contains("E"), written[i]);
        }
    }
}
