// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Queue
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public class Queue extends ResourceController {
    private Queue() {
    }

    public interface Task {
    }

    public interface Executable {
    }
}
