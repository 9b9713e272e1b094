package io.pusherspring.auth;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * A Bucket4j {@code ProxyManager} over a map, standing in for a shared store (JCache,
 * Redis, JDBC) that several application instances use.
 */
public class InMemoryProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

	private final ConcurrentMap<String, byte[]> store = new ConcurrentHashMap<>();

	public InMemoryProxyManager() {
		super(ClientSideConfig.getDefault());
	}

	ConcurrentMap<String, byte[]> store() {
		return this.store;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				return Optional.ofNullable(InMemoryProxyManager.this.store.get(key));
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				if (originalData == null) {
					return InMemoryProxyManager.this.store.putIfAbsent(key, newData) == null;
				}
				byte[] current = InMemoryProxyManager.this.store.get(key);
				return current != null && Arrays.equals(current, originalData)
						&& InMemoryProxyManager.this.store.replace(key, current, newData);
			}

		};
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException();
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void removeProxy(String key) {
		this.store.remove(key);
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

}
