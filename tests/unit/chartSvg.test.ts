/**
 * The server's check of a shared chart's picture (server/store/chartSvg.ts):
 * a chart as the app exports it passes; anything that could run, fetch or
 * refer outside the picture is refused in words.
 */
import { describe, expect, it } from 'vitest';
import { chartSvgProblem } from '../../server/store/chartSvg.ts';
import { EXPORTED_CHART as EXPORTED } from './fixtures.ts';

describe('a shared chart’s picture', () => {
  it('passes as the app exports it', () => {
    expect(chartSvgProblem(EXPORTED)).toBeNull();
  });

  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/api")</script></svg>'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    ['a handler on a shape', '<svg><circle r="4" onmouseover="alert(1)"/></svg>'],
    ['a link', '<svg><a href="javascript:alert(1)"><text>Click</text></a></svg>'],
    ['an external image', '<svg><image href="https://evil.example/x.png"/></svg>'],
    ['a use of another file', '<svg><use href="https://evil.example/s.svg#x"/></svg>'],
    ['an xlink', '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><rect xlink:href="#x"/></svg>'],
    ['a foreign object', '<svg><foreignObject><div>hi</div></foreignObject></svg>'],
    ['a style sheet', '<svg><style>@import url(https://evil.example/a.css)</style></svg>'],
    ['a style attribute', '<svg><rect style="fill:url(https://evil.example/#p)"/></svg>'],
    ['a url() in a fill', '<svg><rect fill="url(https://evil.example/#p)"/></svg>'],
    ['another namespace', '<svg xmlns="http://www.w3.org/1999/xhtml"></svg>'],
    ['entities', '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg><text>&a;</text></svg>'],
    ['a comment', '<svg><!-- hidden --></svg>'],
    ['CDATA', '<svg><text><![CDATA[<script>alert(1)</script>]]></text></svg>'],
    ['an instruction', '<?xml-stylesheet href="https://evil.example/a.xsl"?><svg></svg>'],
    ['HTML', '<html><body><svg></svg></body></html>'],
    ['text that is not a picture', 'Not a chart at all'],
    ['two roots', '<svg></svg><svg></svg>'],
    ['broken markup', '<svg><rect></svg>'],
  ])('refuses %s, in words', (_, svg) => {
    const problem = chartSvgProblem(svg);
    expect(problem).toMatch(
      /^The chart must be a picture of the measure as this app draws it: .{10,}/,
    );
  });
});
