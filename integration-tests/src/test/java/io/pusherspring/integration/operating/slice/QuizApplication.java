package io.pusherspring.integration.operating.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the slice tests in this package.
 */
@SpringBootApplication
class QuizApplication {

}
