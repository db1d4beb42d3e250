package org.vaekit.config;

import java.util.List;

/**
 * How to read a folder tree of images: every image is resized to height x width and read in grayscale
 * (1 channel) or RGB (3 channels); its label is the name of the folder it sits in.
 *
 * @param extensions file name endings read as images (others are ignored)
 */
public record ImageSettings(int height, int width, int channels, List<String> extensions) {
    public ImageSettings {
        extensions = List.copyOf(extensions);
    }

    static ImageSettings from(Settings s) {
        int channels = s.intAtLeast("data.images.channels", 1);
        if (channels != 1 && channels != 3) {
            throw s.invalid("data.images.channels", "1 (grayscale) or 3 (RGB)");
        }
        List<String> extensions = s.stringList("data.images.extensions");
        if (extensions.isEmpty()) {
            throw s.invalid("data.images.extensions", "a non-empty list such as [png, jpg]");
        }
        return new ImageSettings(s.intAtLeast("data.images.height", 1), s.intAtLeast("data.images.width", 1),
                channels, extensions);
    }
}
