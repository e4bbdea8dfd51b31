package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One line or bar group of a chart; {@code lower}/{@code upper} give an interval band when present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartSeries(String name, List<Double> y, List<Double> lower, List<Double> upper) {
    public ChartSeries {
        y = List.copyOf(y);
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }
}
