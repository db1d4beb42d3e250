package org.vaekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences of {@code cost} against SameDiff's gradients, value by value (double graphs). */
final class GradientCheck {
    private GradientCheck() {
    }

    /** Asserts every gradient of {@code params} and returns how many values were checked. */
    static int assertMatchesFiniteDifferences(SameDiff sd, Map<String, INDArray> placeholders, List<String> params) {
        VaeGraph.createGradFunction(sd);
        Map<String, INDArray> grads = sd.calculateGradients(placeholders, params);
        double h = 1e-6;
        int checked = 0;
        for (String name : params) {
            INDArray w = sd.getVariable(name).getArr();
            for (long k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + h);
                double plus = sd.output(placeholders, VaeGraph.COST).get(VaeGraph.COST).getDouble();
                w.putScalar(k, original - h);
                double minus = sd.output(placeholders, VaeGraph.COST).get(VaeGraph.COST).getDouble();
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, grads.get(name).getDouble(k), 1e-6 + 1e-5 * Math.abs(numeric),
                        name + "[" + k + "]");
                checked++;
            }
        }
        return checked;
    }
}
