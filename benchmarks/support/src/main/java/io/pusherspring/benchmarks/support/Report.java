package io.pusherspring.benchmarks.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a benchmark measured: tables, the ratios to the baseline measured in the same run,
 * and notes. Written as an AsciiDoc fragment that the reference guide includes as it is
 * (see {@code benchmarks/results/README.md}).
 */
public final class Report {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final String title;

	private final String description;

	private final List<Table> tables = new ArrayList<>();

	private final Map<String, String> figures = new LinkedHashMap<>();

	private final Map<String, Double> ratios = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	/**
	 * Start a report.
	 * @param title what was measured, a heading
	 * @param description how, in a few sentences (AsciiDoc)
	 */
	public Report(String title, String description) {
		this.title = title;
		this.description = description;
	}

	/**
	 * Add a table.
	 * @param title its caption
	 * @param columns the column headings; the first column is aligned left, the others
	 * right
	 * @return the table, to add rows to
	 */
	public Table table(String title, String... columns) {
		Table table = new Table(title, List.of(columns));
		this.tables.add(table);
		return table;
	}

	/**
	 * Add a ratio to the baseline, the figure the benchmark is for. A ratio that is not a
	 * positive number means that nothing was measured, and fails the run.
	 * @param name its name, lower case words joined by {@code -}; the guide reads it as
	 * the attribute {@code benchmark-<benchmark>-<name>}
	 * @param ratio the ratio
	 * @return this report
	 */
	public Report ratio(String name, double ratio) {
		this.ratios.put(checkName(name), ratio);
		this.figures.put(name, Format.ratio(ratio));
		return this;
	}

	/**
	 * Add another figure the guide may quote, such as a difference in milliseconds.
	 * @param name its name, lower case words joined by {@code -}
	 * @param value the text of the figure
	 * @return this report
	 */
	public Report figure(String name, String value) {
		this.figures.put(checkName(name), value);
		return this;
	}

	/**
	 * Add a paragraph after the tables.
	 * @param paragraph the text (AsciiDoc)
	 * @return this report
	 */
	public Report note(String paragraph) {
		this.notes.add(paragraph);
		return this;
	}

	/**
	 * The ratios, by name.
	 * @return the ratios added
	 */
	public Map<String, Double> ratios() {
		return Map.copyOf(this.ratios);
	}

	/**
	 * Fail unless the report holds what a measurement produces: at least one ratio, every
	 * ratio a positive number, and a row in every table.
	 * @throws IllegalStateException if it does not
	 */
	void validate() {
		if (this.ratios.isEmpty()) {
			throw new IllegalStateException("'" + this.title + "' reported no ratio to a baseline");
		}
		this.ratios.forEach((name, ratio) -> {
			if (!(ratio > 0) || Double.isInfinite(ratio)) {
				throw new IllegalStateException(
						"'" + this.title + "' measured nothing: ratio " + name + " is " + ratio);
			}
		});
		for (Table table : this.tables) {
			if (table.rows.isEmpty()) {
				throw new IllegalStateException("'" + this.title + "': table '" + table.title + "' has no rows");
			}
		}
	}

	/**
	 * The AsciiDoc fragment, its parts between tags: {@code title} (a level-1 section
	 * title), {@code about} (command, date, machine, log), {@code summary},
	 * {@code figures} (attribute entries) and {@code results} (tables and notes).
	 * @param run what ran, where and when
	 * @return the fragment
	 */
	String toAsciiDoc(RunDescription run) {
		StringBuilder out = new StringBuilder();
		out.append("// Written by ").append(run.command()).append(": run it again rather than edit this file.\n");
		out.append("// tag::title[]\n== ").append(this.title).append("\n// end::title[]\n\n");
		out.append("// tag::about[]\n");
		out.append("[horizontal]\n");
		if (run.smoke()) {
			out.append("Mode:: smoke run (one short round: the figures mean nothing)\n");
		}
		out.append("Command:: `").append(run.command()).append("`\n");
		out.append("Main class:: `").append(run.mainClass()).append("`\n");
		if (!run.parameters().isEmpty()) {
			out.append("Parameters:: ").append(run.parameters()).append('\n');
		}
		out.append("Date:: ").append(run.date()).append(" (").append(run.duration()).append(")\n");
		if (run.commit() != null) {
			out.append("Commit:: `").append(run.commit()).append("`\n");
		}
		out.append("Machine:: ").append(run.machine().describe()).append('\n');
		out.append("Java:: ").append(run.machine().java()).append('\n');
		out.append("Load average:: ").append(run.loadAverages()).append('\n');
		out.append("Log:: `")
			.append(BenchmarkRun.LOGS)
			.append('/')
			.append(run.benchmark())
			.append(".txt`, every round\n");
		out.append("// end::about[]\n\n");
		out.append("// tag::summary[]\n").append(this.description.strip()).append("\n// end::summary[]\n\n");
		out.append("// tag::figures[]\n");
		this.figures.forEach((name, value) -> out.append(":benchmark-")
			.append(run.benchmark())
			.append('-')
			.append(name)
			.append(": ")
			.append(value)
			.append('\n'));
		out.append("// end::figures[]\n\n");
		out.append("// tag::results[]\n");
		for (Table table : this.tables) {
			table.appendTo(out);
			out.append('\n');
		}
		for (String note : this.notes) {
			out.append(note.strip()).append("\n\n");
		}
		out.append("// end::results[]\n");
		return out.toString();
	}

	String title() {
		return this.title;
	}

	private static String checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("A figure's name is lower case words joined by '-': " + name);
		}
		return name;
	}

	/**
	 * A table of a report.
	 */
	public static final class Table {

		private final String title;

		private final List<String> columns;

		private final List<List<String>> rows = new ArrayList<>();

		private Table(String title, List<String> columns) {
			this.title = title;
			this.columns = columns;
		}

		/**
		 * Add a row.
		 * @param cells one per column
		 * @return this table
		 */
		public Table row(Object... cells) {
			if (cells.length != this.columns.size()) {
				throw new IllegalArgumentException(
						"Expected " + this.columns.size() + " cells but got " + Arrays.toString(cells));
			}
			this.rows.add(Arrays.stream(cells).map(String::valueOf).toList());
			return this;
		}

		private void appendTo(StringBuilder out) {
			out.append('.').append(this.title).append('\n');
			StringBuilder alignment = new StringBuilder("<");
			for (int i = 1; i < this.columns.size(); i++) {
				alignment.append(",>");
			}
			out.append("[%header%autowidth,cols=\"").append(alignment).append("\"]\n");
			out.append("|===\n");
			appendRow(out, this.columns);
			out.append('\n');
			for (List<String> row : this.rows) {
				appendRow(out, row);
			}
			out.append("|===\n");
		}

		private static void appendRow(StringBuilder out, List<String> cells) {
			for (int i = 0; i < cells.size(); i++) {
				out.append((i > 0) ? " |" : "|").append(cells.get(i).replace("|", "\\|"));
			}
			out.append('\n');
		}

	}

}
