package io.jenkins.plugins.cdngate.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Admin HTTP path {@code /_emulator/...} (placeholder; filled in next). */
final class AdminApi {
    static final String PREFIX = "/_emulator";
    private final CdnEmulator emu;

    AdminApi(CdnEmulator emu) {
        this.emu = emu;
    }

    void handle(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(404, -1);
        ex.close();
    }
}
