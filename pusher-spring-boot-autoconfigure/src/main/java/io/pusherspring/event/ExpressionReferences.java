package io.pusherspring.event;

import java.util.ArrayList;
import java.util.List;

import org.springframework.expression.Expression;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * The names a parsed expression refers to, in the order they appear: variables,
 * functions, beans, and properties or methods looked up on the root object. The start-up
 * checks compare them with the method's arguments and the application's beans, and the
 * ahead-of-time hints follow them to the types that SpEL reflects on.
 * <p>
 * SpEL has no public API that lists what an expression refers to, so this is the one
 * class that reads its syntax tree (as Spring Data's {@code ExpressionDependencies}
 * does). Evaluation goes through Spring's public API only.
 *
 * @param references the references, in the order they appear
 */
record ExpressionReferences(List<Reference> references) {

	/**
	 * Find the references of an expression or template.
	 * @param expression a parsed expression or template
	 * @return its references
	 */
	static ExpressionReferences of(Expression expression) {
		List<Reference> references = new ArrayList<>();
		Expression[] parts = (expression instanceof CompositeStringExpression composite) ? composite.getExpressions()
				: new Expression[] { expression };
		for (Expression part : parts) {
			if (part instanceof SpelExpression spel) {
				visit(spel.getAST(), true, false, references);
			}
		}
		return new ExpressionReferences(List.copyOf(references));
	}

	/**
	 * The names of one kind, in the order they appear.
	 * @param kind the kind
	 * @return the names
	 */
	List<String> names(Kind kind) {
		return this.references.stream().filter((reference) -> reference.kind() == kind).map(Reference::name).toList();
	}

	/**
	 * Record a node's reference, then its children's.
	 * @param onRoot whether a bare name here would be looked up on the root object
	 * @param onElement whether the node is inside a selection or projection, where bare
	 * names are the element's
	 */
	private static void visit(SpelNode node, boolean onRoot, boolean onElement, List<Reference> references) {
		if (node instanceof VariableReference) {
			references.add(new Reference(Kind.VARIABLE, node.toStringAST().substring(1)));
		}
		else if (node instanceof FunctionReference) {
			String text = node.toStringAST();
			references.add(new Reference(Kind.FUNCTION, text.substring(1, text.indexOf('('))));
		}
		else if (node instanceof BeanReference bean) {
			references.add(new Reference(Kind.BEAN, bean.getName()));
		}
		else if (onRoot && !onElement && node instanceof PropertyOrFieldReference property) {
			references.add(new Reference(Kind.ROOT_PROPERTY, property.getName()));
		}
		else if (onRoot && !onElement && node instanceof MethodReference method) {
			references.add(new Reference(Kind.ROOT_METHOD, method.getName()));
		}
		boolean element = onElement || node instanceof Selection || node instanceof Projection;
		for (int i = 0; i < node.getChildCount(); i++) {
			SpelNode child = node.getChild(i);
			boolean key = (node instanceof InlineMap && i % 2 == 0) || node instanceof Indexer;
			if (!(key && child instanceof PropertyOrFieldReference)) {
				visit(child, !(node instanceof CompoundExpression) || i == 0, element, references);
			}
		}
	}

	/**
	 * One name an expression refers to.
	 *
	 * @param kind what the name is
	 * @param name the name, without {@code #} or {@code @}
	 */
	record Reference(Kind kind, String name) {

	}

	/**
	 * What a name refers to.
	 */
	enum Kind {

		/**
		 * {@code #name}: an argument, {@code #result}, {@code #root} or {@code #this}.
		 */
		VARIABLE,

		/** {@code #name(...)}: a registered function. */
		FUNCTION,

		/** {@code @name}: a bean. */
		BEAN,

		/** A bare {@code name}, looked up on the root object. */
		ROOT_PROPERTY,

		/** A bare {@code name(...)}, called on the root object. */
		ROOT_METHOD

	}

}
