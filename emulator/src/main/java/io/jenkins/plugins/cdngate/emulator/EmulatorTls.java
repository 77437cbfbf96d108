package io.jenkins.plugins.cdngate.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away TLS identity for {@link CdnEmulator#startTls}: a self-signed certificate made with the JDK's keytool
 * (valid 2 days, for the names Alibaba's libraries call: sts.aliyuncs.com, sts.cn-hangzhou.aliyuncs.com,
 * cdn.aliyuncs.com, localhost, 127.0.0.1), and a trust store holding only it, for a test JVM's
 * {@code -Djavax.net.ssl.trustStore}. Never trust it anywhere else.
 *
 * @param keyStore   PKCS12 key store with the private key (for the emulator)
 * @param trustStore PKCS12 trust store with the certificate only (for the client JVM)
 * @param password   of both stores
 */
public record EmulatorTls(Path keyStore, Path trustStore, String password) {
    public static final List<String> NAMES = List.of("sts.aliyuncs.com", "sts.cn-hangzhou.aliyuncs.com",
            "sts-vpc.cn-hangzhou.aliyuncs.com", "cdn.aliyuncs.com", "localhost");

    /** Creates both stores in {@code dir}. */
    public static EmulatorTls create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ks = dir.resolve("emulator-key.p12");
        Path cert = dir.resolve("emulator.cer");
        Path ts = dir.resolve("emulator-trust.p12");
        Files.deleteIfExists(ks);
        Files.deleteIfExists(cert);
        Files.deleteIfExists(ts);
        String password = "emulator-" + Long.toHexString(System.nanoTime());
        StringBuilder san = new StringBuilder("SAN=");
        for (String name : NAMES) {
            san.append("dns:").append(name).append(',');
        }
        san.append("ip:127.0.0.1");
        keytool("-genkeypair", "-alias", "emulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=CDN Gate emulator (test only)", "-ext", san.toString(), "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "emulator", "-keystore", ks.toString(), "-storepass", password,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "emulator", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", ts.toString(), "-storepass", password);
        return new EmulatorTls(ks, ts, password);
    }

    /** JVM options that make a child JVM trust only this certificate. */
    public List<String> trustOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + password,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output.strip());
        }
    }
}
