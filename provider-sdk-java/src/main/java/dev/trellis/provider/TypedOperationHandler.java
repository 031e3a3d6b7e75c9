package dev.trellis.provider;

/**
 * Serves one operation with decoded input and output, for {@link Operations#add(String,
 * java.util.function.Function, TypedOperationHandler, java.util.function.Function)}.
 *
 * @param <I> the decoded request
 * @param <O> the result before encoding
 */
@FunctionalInterface
public interface TypedOperationHandler<I, O> {
  O handle(InvocationContext context, I input);
}
