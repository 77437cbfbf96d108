// Signature mirror of org.jenkins-ci:annotation-indexer:1.18 — org.jvnet.hudson.annotation_indexer.Indexed
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
}
