// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.domains.DomainRequirement
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
}
