package org.vaekit.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.vaekit.config.ModelSettings;
import org.vaekit.config.TrainSettings;
import org.vaekit.model.BernoulliLikelihood;
import org.vaekit.model.Likelihood;
import org.vaekit.model.VaeGraph;

/**
 * The VAE described to the DL4J training UI as a ComputationGraph configuration, one vertex per SameDiff layer,
 * so that the UI's Model page can draw the graph and show each layer's parameters.
 *
 * <p>The UI keys a parameter as {@code <layer>_<param>} and charts update ratios only for keys ending in "W".
 * A layer is named by the suffix of its SameDiff variables: {@code W1, b1} become layer {@code 1} with keys
 * {@code 1_W, 1_b}; {@code W2_mu} becomes {@code 2_mu_W}; {@code W4} becomes {@code 4_W}.
 */
final class DashboardGraph {
    static final String INPUT = "input";
    static final String Z = "z";

    private final String configJson;
    private final Map<String, String> keyOfParameter = new LinkedHashMap<>();
    private final Map<String, String> layerOfActivation = new LinkedHashMap<>();
    private final long parameterCount;
    private final int layerCount;
    private final Likelihood likelihood;

    DashboardGraph(ModelSettings model, TrainSettings train, int inputSize) {
        this.likelihood = model.likelihood();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .updater(new Adam(train.learningRate(), train.beta1(), train.beta2(), train.epsilon()))
                .weightInit(model.init() == org.vaekit.model.WeightInit.FAN_IN ? WeightInit.UNIFORM
                        : WeightInit.XAVIER_UNIFORM)
                .graphBuilder()
                .addInputs(INPUT);
        Activation hidden = Activation.valueOf(model.activation().name());
        String previous = INPUT;
        long inputs = inputSize;
        int layers = 0;
        // the dense layers' W and b, in layer order (a likelihood's own variables, e.g. x_logvar, are not layers)
        List<String> names = VaeGraph.parameterNames(model).stream()
                .filter(n -> n.startsWith("W") || n.startsWith("b")).toList();
        for (int i = 0; i < names.size(); i += 2) {
            String layer = names.get(i).substring(1);
            long size = switch (layer) {
                case "2_mu", "2_logvar" -> model.latent();
                case "4" -> inputSize;
                default -> layerSize(model, layer);
            };
            Activation activation = switch (layer) {
                case "2_mu", "2_logvar" -> Activation.IDENTITY;
                case "4" -> likelihood instanceof BernoulliLikelihood ? Activation.SIGMOID : Activation.IDENTITY;
                default -> hidden;
            };
            // both heads read the last encoder layer; the decoder starts from z
            g.addLayer(layer, new DenseLayer.Builder().nIn(inputs).nOut(size).activation(activation).build(), previous);
            keyOfParameter.put(names.get(i), layer + "_W");
            keyOfParameter.put(names.get(i + 1), layer + "_b");
            layerOfActivation.put(activationName(layer), layer);
            layers++;
            if (layer.equals("2_logvar")) {
                // z = mu + exp(logvar / 2) * eps: drawn as a vertex joining the two heads
                g.addVertex(Z, new ElementWiseVertex(ElementWiseVertex.Op.Add), "2_mu", "2_logvar");
                layerOfActivation.put(VaeGraph.Z, Z);
                previous = Z;
                inputs = model.latent();
            } else if (!layer.equals("2_mu")) {
                previous = layer;
                inputs = size;
            }
        }
        this.configJson = g.setOutputs("4").build().toJson();
        // all of the model's values, the likelihood's own (e.g. x_logvar) included
        this.parameterCount = VaeGraph.parameterShapes(model, inputSize).values().stream()
                .mapToLong(shape -> Arrays.stream(shape).reduce(1, (a, b) -> a * b)).sum();
        this.layerCount = layers;
    }

    private static long layerSize(ModelSettings model, String layer) {
        // "1", "1_2", ... are encoder layers; "3", "3_2", ... decoder layers
        List<Integer> sizes = layer.startsWith("1") ? model.encoder() : model.decoder();
        int index = layer.contains("_") ? Integer.parseInt(layer.substring(layer.indexOf('_') + 1)) - 1 : 0;
        return sizes.get(index);
    }

    private static String activationName(String layer) {
        return switch (layer) {
            case "2_mu" -> VaeGraph.MU;
            case "2_logvar" -> VaeGraph.LOGVAR;
            case "4" -> VaeGraph.X_REC;
            default -> "h" + layer;
        };
    }

    String configJson() {
        return configJson;
    }

    /** SameDiff parameter name to the UI's key, e.g. W2_mu to 2_mu_W, in layer order. */
    Map<String, String> keyOfParameter() {
        return keyOfParameter;
    }

    /** SameDiff activation variable (h1, mu, logvar, z, h3, x_rec) to the UI's layer name. */
    /** The decoder's last linear output as training computes it (e.g. logits); x_rec is not computed there. */
    String outputName() {
        return likelihood.outputName();
    }

    /** x_rec, the output layer's activation, from the values of {@link #outputName()}. */
    INDArray outputMean(INDArray out) {
        return likelihood.mean(out);
    }

    Map<String, String> layerOfActivation() {
        return layerOfActivation;
    }

    long parameterCount() {
        return parameterCount;
    }

    int layerCount() {
        return layerCount;
    }
}
