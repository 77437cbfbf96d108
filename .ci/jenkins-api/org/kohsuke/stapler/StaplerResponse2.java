// Signature mirror of org.kohsuke.stapler:stapler:2050.v425108fd5089 — org.kohsuke.stapler.StaplerResponse2
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
// Its servlet methods (setContentType, setHeader, getWriter) come from jakarta.servlet-api 5.0.0, a real jar on the
// classpath (.ci/jenkins-api/pom.xml).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {
}
