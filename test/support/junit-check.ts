import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { parse, type TestSuite } from 'junit2json';

/**
 * A junit.xml read as test-report tools read it: junit2json (xml2js underneath) parses it,
 * after a check that it is well-formed XML 1.0 with no character XML forbids, and every
 * testsuite carries the attributes the common JUnit schema requires (name, tests,
 * failures, errors, time, timestamp, hostname, id, package). Returns its testsuites.
 */
export async function readJunit(xml: string): Promise<TestSuite[]> {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML 1.0');
  assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml), 'no character XML 1.0 forbids');
  const doc = await parse(xml);
  assert.ok(doc && 'testsuite' in doc && Array.isArray(doc.testsuite), 'a <testsuites> root with <testsuite>s');
  const suites = doc.testsuite!;
  for (const s of suites) {
    for (const a of ['name', 'tests', 'failures', 'errors', 'time', 'timestamp', 'hostname', 'id', 'package'] as const) assert.ok(s[a] !== undefined, `testsuite ${s.name}: ${a}`);
    assert.match(String(s.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(s.tests, (s.testcase ?? []).length, `testsuite ${s.name}: tests counts its testcases`);
  }
  return suites;
}
