package io.tunebatch.registry;

/** A registry request that was refused (four-eyes, gate, wrong stage, unknown model); the message says why and what to do. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }
}
