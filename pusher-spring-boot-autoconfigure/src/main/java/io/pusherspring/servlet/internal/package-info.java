/**
 * Not API: servlet support shared by the library's own feature packages (auth and
 * webhook), left out of the published Javadoc. It depends on no other package of the
 * library, and core never depends on it. Applications must not use it; it may change in
 * any release.
 */
@NullMarked
package io.pusherspring.servlet.internal;

import org.jspecify.annotations.NullMarked;
