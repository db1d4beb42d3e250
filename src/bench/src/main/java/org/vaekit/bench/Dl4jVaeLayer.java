package org.vaekit.bench;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.vaekit.config.VaeConfig;

/**
 * The peer built into DL4J: a {@code MultiLayerNetwork} holding one {@code VariationalAutoencoder} layer with
 * the same sizes, activation, Bernoulli reconstruction (sigmoid) and Adam, trained unsupervised by
 * {@code pretrain}.
 */
final class Dl4jVaeLayer implements Subject {
    private final VaeConfig config;
    private final int inputSize;
    private MultiLayerNetwork net;

    Dl4jVaeLayer(VaeConfig config, int inputSize) {
        this.config = config;
        this.inputSize = inputSize;
    }

    @Override
    public String name() {
        return BenchReport.DL4J;
    }

    @Override
    public Runnable training(DataSetIterator train) {
        var m = config.model();
        var t = config.train();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(config.run().seed())
                .updater(new Adam(t.learningRate(), t.beta1(), t.beta2(), t.epsilon()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list()
                .layer(new VariationalAutoencoder.Builder()
                        .nIn(inputSize)
                        .nOut(m.latent())
                        .encoderLayerSizes(m.encoder().stream().mapToInt(Integer::intValue).toArray())
                        .decoderLayerSizes(m.decoder().stream().mapToInt(Integer::intValue).toArray())
                        .activation(Activation.valueOf(m.activation().name()))
                        .pzxActivationFunction(Activation.IDENTITY)
                        .reconstructionDistribution(new BernoulliReconstructionDistribution(Activation.SIGMOID))
                        .build())
                .build();
        net = new MultiLayerNetwork(conf);
        net.init();
        return () -> {
            train.reset();
            net.pretrain(train, 1);
        };
    }

    /** Encodes to the mean of q(z|x), then decodes to the means of p(x|z) (DL4J has no sampling decode). */
    @Override
    public Runnable inference(List<INDArray> batches) {
        var vae = (org.deeplearning4j.nn.layers.variational.VariationalAutoencoder) net.getLayer(0);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        return () -> batches.forEach(x -> vae.generateAtMeanGivenZ(vae.activate(x, false, noWorkspaces)));
    }
}
