import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the results page draws, so the chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  label: string;
  value: number;
  /** shown at the end of the bar, e.g. "12 · 60%" */
  note?: string;
}

/**
 * A bar chart of counts: horizontal for choices (long option labels read on a phone), vertical for
 * a 1–5 rating or numbers. Sized to its bars; redrawn on resize.
 */
export function SurveyBarChart(props: { bars: Bar[]; horizontal: boolean; ariaLabel: string }) {
  const { bars, horizontal, ariaLabel } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const category = {
      type: 'category' as const,
      data: bars.map((b) => b.label),
      axisLabel: { width: horizontal ? 110 : undefined, overflow: 'truncate' as const },
      inverse: horizontal,
    };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      grid: { left: 8, right: horizontal ? 72 : 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          barMaxWidth: 36,
          itemStyle: { color: '#1677ff', borderRadius: 3 },
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            formatter: (p: { dataIndex: number }) =>
              bars[p.dataIndex]?.note ?? String(bars[p.dataIndex]?.value ?? ''),
          },
        },
      ],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [bars, horizontal]);
  const height = horizontal ? Math.max(120, bars.length * 40 + 32) : 220;
  return (
    <div
      ref={ref}
      className="survey-chart"
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height }}
    />
  );
}
