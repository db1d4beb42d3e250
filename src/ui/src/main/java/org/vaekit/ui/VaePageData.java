package org.vaekit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorage;

/**
 * What the VAE page draws for one session, read from the stored {@link VaeReport}s only (so a run reopened
 * later shows what was shown live): the iteration costs and KL per dimension joined over all iteration reports,
 * one entry per epoch report, and the newest figures.
 */
final class VaePageData {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EPOCH_FIELDS = List.of("epoch", "trainCost", "trainRec", "trainKl",
            "validCost", "validRec", "validKl", "klWeight");

    private VaePageData() {
    }

    /** The time stamp of the session's newest report, 0 when it has none. */
    static long lastUpdate(StatsStorage storage, String session) {
        long last = 0;
        for (String worker : storage.listWorkerIDsForSessionAndType(session, VaeReport.TYPE_ID)) {
            for (long t : storage.getAllUpdateTimes(session, VaeReport.TYPE_ID, worker)) {
                last = Math.max(last, t);
            }
        }
        return last;
    }

    static ObjectNode of(StatsStorage storage, String session) {
        List<Persistable> reports = new ArrayList<>(storage.getAllUpdatesAfter(session, VaeReport.TYPE_ID, 0));
        reports.sort(Comparator.comparingLong(Persistable::getTimeStamp));
        ObjectNode out = NODES.objectNode();
        out.put("session", session);
        out.put("lastUpdate", reports.isEmpty() ? 0 : reports.get(reports.size() - 1).getTimeStamp());
        ObjectNode iterations = out.putObject("iterations");
        ArrayNode iteration = iterations.putArray("iteration");
        ArrayNode rec = iterations.putArray("rec");
        ArrayNode kl = iterations.putArray("kl");
        ArrayNode klWeight = iterations.putArray("klWeight");
        ObjectNode klPerDim = out.putObject("klPerDim");
        ArrayNode klDimIteration = klPerDim.putArray("iteration");
        ArrayNode klDimValues = klPerDim.putArray("values");
        ObjectNode epochs = out.putObject("epochs");
        EPOCH_FIELDS.forEach(epochs::putArray);
        ArrayNode active = epochs.putArray("active");
        JsonNode figures = null;
        for (Persistable p : reports) {
            JsonNode r = ((VaeReport) p).content();
            if ("iterations".equals(r.path("kind").asText())) {
                iteration.addAll((ArrayNode) r.get("iteration"));
                rec.addAll((ArrayNode) r.get("rec"));
                kl.addAll((ArrayNode) r.get("kl"));
                if (r.has("klWeight")) {
                    klWeight.addAll((ArrayNode) r.get("klWeight"));
                }
                if (r.has("klPerDim")) {
                    JsonNode its = r.get("iteration");
                    klDimIteration.add(its.get(its.size() - 1));
                    klDimValues.add(r.get("klPerDim"));
                }
            } else {
                for (String field : EPOCH_FIELDS) {
                    if (r.has(field)) {
                        ((ArrayNode) epochs.get(field)).add(r.get(field));
                    }
                }
                out.set("latent", r.get("latent"));
                JsonNode f = r.get("figures");
                active.add(f == null ? null : f.get("active"));
                if (f != null) {
                    figures = f.deepCopy();
                    ((ObjectNode) figures).put("epoch", r.get("epoch").asInt());
                }
                if (r.has("figuresError")) {
                    out.set("figuresError", r.get("figuresError"));
                }
            }
        }
        out.set("figures", figures);
        return out;
    }
}
