// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.Util
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson;

public class Util {
    public static String fixNull(String s) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static String fixEmpty(String s) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static String fixEmptyAndTrim(String s) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
