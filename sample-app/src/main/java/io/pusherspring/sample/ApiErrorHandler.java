package io.pusherspring.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.pusherspring.core.PusherValidationException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers bad requests with 400 and a {@link ProblemDetail}
 * ({@code application/problem+json}) instead of a 500: input that fails Bean Validation,
 * with an {@code errors} map from each invalid field to what is wrong with it; input that
 * Pusher would refuse (too large, bad names), with the rule that was broken; and Spring
 * MVC's own rejections (unreadable JSON, a class id that is not a number).
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidForPusher(PusherValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Cannot be broadcast");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new TreeMap<>();
		for (FieldError error : ex.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new TreeMap<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors parameterErrors) {
				for (FieldError error : parameterErrors.getFieldErrors()) {
					errors.putIfAbsent(error.getField(), error.getDefaultMessage());
				}
			}
			else {
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.putIfAbsent(result.getMethodParameter().getParameterName(), error.getDefaultMessage());
				}
			}
		}
		return invalid(ex, errors, headers, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, Map<String, String> errors, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.entrySet()
					.stream()
					.map((error) -> error.getKey() + ": " + error.getValue())
					.collect(Collectors.joining("; ")));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
