package org.vaekit;

/**
 * A user-facing failure: bad configuration, bad data, an unwritable run folder.
 * The message is one line that names the file, key or line at fault and what was expected.
 */
public class VaekitException extends RuntimeException {
    public VaekitException(String message) {
        super(message);
    }

    public VaekitException(String message, Throwable cause) {
        super(message, cause);
    }
}
