package org.xietong.reviews;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans who scores what: every application gets the experts it still needs, never one it
 * conflicts with or already has, no expert beyond its cap, and the load as even as the
 * pool allows. It is a min-cost max-flow: source → application (the experts it needs) →
 * each allowed expert (one) → sink through unit edges whose costs grow with the expert's
 * load, so that the cheapest maximum flow spreads the work evenly (the load vector it
 * finds is the most balanced one the graph allows). When the maximum flow falls short, no
 * plan exists within the caps, and the applications that cannot be covered are named.
 */
final class AssignmentPlanner {

	private AssignmentPlanner() {
	}

	/**
	 * One application to plan: how many more experts it needs and the experts allowed
	 * (not conflicted, not already assigned).
	 */
	record Need(UUID applicationId, int experts, Set<UUID> allowed) {
	}

	/** One expert of the pool: its current load and the most it may carry. */
	record Expert(UUID expertId, int load, int cap) {
	}

	/** An assignment the plan makes. */
	record Pair(UUID applicationId, UUID expertId) {
	}

	/**
	 * The plan: the pairs (complete only when {@code shortOf} is empty) and, per
	 * application that cannot be covered, how many experts it still lacks.
	 */
	record Plan(List<Pair> pairs, Map<UUID, Integer> shortOf) {

		boolean complete() {
			return this.shortOf.isEmpty();
		}

	}

	static Plan plan(List<Need> needs, List<Expert> experts) {
		int applications = needs.size();
		int pool = experts.size();
		int source = 0;
		int firstApplication = 1;
		int firstExpert = 1 + applications;
		int sink = 1 + applications + pool;
		Graph graph = new Graph(sink + 1);
		for (int a = 0; a < applications; a++) {
			graph.add(source, firstApplication + a, needs.get(a).experts(), 0);
		}
		int[][] pairEdge = new int[applications][pool];
		for (int a = 0; a < applications; a++) {
			Arrays.fill(pairEdge[a], -1);
			for (int e = 0; e < pool; e++) {
				if (needs.get(a).allowed().contains(experts.get(e).expertId())) {
					pairEdge[a][e] = graph.add(firstApplication + a, firstExpert + e, 1, 0);
				}
			}
		}
		for (int e = 0; e < pool; e++) {
			Expert expert = experts.get(e);
			for (int load = expert.load(); load < expert.cap(); load++) {
				// The (load+1)-th assignment of an expert costs more than its load-th:
				// convex costs, so the cheapest flow is the most even.
				graph.add(firstExpert + e, sink, 1, load + 1);
			}
		}
		graph.minCostMaxFlow(source, sink);
		List<Pair> pairs = new ArrayList<>();
		Map<UUID, Integer> shortOf = new java.util.LinkedHashMap<>();
		for (int a = 0; a < applications; a++) {
			int covered = 0;
			for (int e = 0; e < pool; e++) {
				if (pairEdge[a][e] >= 0 && graph.flow(pairEdge[a][e]) > 0) {
					pairs.add(new Pair(needs.get(a).applicationId(), experts.get(e).expertId()));
					covered++;
				}
			}
			if (covered < needs.get(a).experts()) {
				shortOf.put(needs.get(a).applicationId(), needs.get(a).experts() - covered);
			}
		}
		return new Plan(pairs, shortOf);
	}

	/** A flow network in arrays: edge i and its reverse i^1. */
	private static final class Graph {

		private final int nodes;

		private int[] to = new int[16];

		private int[] capacity = new int[16];

		private int[] cost = new int[16];

		private int[] next = new int[16];

		private final int[] head;

		private int edges;

		Graph(int nodes) {
			this.nodes = nodes;
			this.head = new int[nodes];
			Arrays.fill(this.head, -1);
		}

		int add(int from, int target, int cap, int price) {
			int id = this.edges;
			append(from, target, cap, price);
			append(target, from, 0, -price);
			return id;
		}

		int flow(int edge) {
			return this.capacity[edge ^ 1];
		}

		private void append(int from, int target, int cap, int price) {
			if (this.edges == this.to.length) {
				int size = this.to.length * 2;
				this.to = Arrays.copyOf(this.to, size);
				this.capacity = Arrays.copyOf(this.capacity, size);
				this.cost = Arrays.copyOf(this.cost, size);
				this.next = Arrays.copyOf(this.next, size);
			}
			this.to[this.edges] = target;
			this.capacity[this.edges] = cap;
			this.cost[this.edges] = price;
			this.next[this.edges] = this.head[from];
			this.head[from] = this.edges;
			this.edges++;
		}

		/**
		 * Successive shortest paths (Bellman-Ford with a queue, as residual costs can be
		 * negative), one unit at a time along the cheapest path.
		 */
		void minCostMaxFlow(int source, int sink) {
			long[] distance = new long[this.nodes];
			int[] via = new int[this.nodes];
			boolean[] queued = new boolean[this.nodes];
			while (true) {
				Arrays.fill(distance, Long.MAX_VALUE);
				Arrays.fill(via, -1);
				distance[source] = 0;
				Deque<Integer> queue = new ArrayDeque<>();
				queue.add(source);
				queued[source] = true;
				while (!queue.isEmpty()) {
					int node = queue.poll();
					queued[node] = false;
					for (int edge = this.head[node]; edge != -1; edge = this.next[edge]) {
						int target = this.to[edge];
						if (this.capacity[edge] > 0 && distance[node] + this.cost[edge] < distance[target]) {
							distance[target] = distance[node] + this.cost[edge];
							via[target] = edge;
							if (!queued[target]) {
								queue.add(target);
								queued[target] = true;
							}
						}
					}
				}
				if (distance[sink] == Long.MAX_VALUE) {
					return;
				}
				int bottleneck = Integer.MAX_VALUE;
				for (int node = sink; node != source; node = this.to[via[node] ^ 1]) {
					bottleneck = Math.min(bottleneck, this.capacity[via[node]]);
				}
				for (int node = sink; node != source; node = this.to[via[node] ^ 1]) {
					this.capacity[via[node]] -= bottleneck;
					this.capacity[via[node] ^ 1] += bottleneck;
				}
			}
		}

	}

}
