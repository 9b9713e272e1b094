/**
 * Not API: support shared by the library's own packages, left out of the published
 * Javadoc. Applications must not use it; it may change in any release.
 */
@NullMarked
package io.pusherspring.core.internal;

import org.jspecify.annotations.NullMarked;
