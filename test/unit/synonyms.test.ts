import { describe, expect, it } from 'vitest';
import { analyze } from '#language/analyze.ts';
import { SYNONYM_GROUPS, synonymGroupOf, synonymsOf } from '#search/synonyms.ts';

describe('synonyms', () => {
  it('holds the groups the issue names', () => {
    expect(synonymsOf('kystsikring')).toContain('klimatilpasning');
    expect(synonymsOf('klimatilpasning')).toContain('kystsikring');
    expect(synonymsOf('genbrugsplads')).toEqual(['genbrugsstation']);
    expect(synonymsOf('genbrugsstation')).toEqual(['genbrugsplads']);
    expect(synonymsOf('idrætshal')).toEqual(['sportshal']);
    expect(synonymsOf('SFO')).toEqual(['skolefritidsordning']);
    expect(synonymsOf('skolefritidsordning')).toEqual(['SFO']);
  });

  it('finds a word in any case, inflected, or as its stem, and never returns the word itself', () => {
    expect(synonymsOf('sfo')).toEqual(['skolefritidsordning']);
    expect(synonymsOf('Genbrugspladsen')).toEqual(['genbrugsstation']);
    expect(synonymsOf('genbrugsplad')).toEqual(['genbrugsstation']);
    expect(synonymsOf('Skolefritidsordningen')).toEqual(['SFO']);
    expect(synonymsOf('plejehjemmet')).toEqual(['plejecenter', 'ældrecenter']);
    expect(synonymsOf('Byrådet')).toEqual(['kommunalbestyrelse']);
    expect(synonymsOf('KOMMUNALBESTYRELSEN')).toEqual(['byråd']);
  });

  it('gives multi-word synonyms as written, and finds a group by its phrase', () => {
    expect(synonymsOf('PPR')).toEqual(['pædagogisk psykologisk rådgivning']);
    expect(synonymsOf('pædagogisk psykologisk rådgivning')).toEqual(['PPR']);
    expect(synonymsOf('BBR')).toEqual(['bygnings- og boligregistret']);
  });

  it('has nothing for words outside the list', () => {
    expect(synonymsOf('lokalplan')).toEqual([]);
    expect(synonymsOf('')).toEqual([]);
    expect(synonymsOf('og')).toEqual([]);
    expect(synonymGroupOf('sygefravær')).toBeUndefined();
  });

  it('is a reviewable list: every group has two words or more and a reason, and no word is in two groups', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(24);
    const seen = new Map<string, number>();
    SYNONYM_GROUPS.forEach((group, n) => {
      expect(group.words.length).toBeGreaterThanOrEqual(2);
      expect(group.why.length).toBeGreaterThan(20);
      for (const word of group.words) {
        const key = analyze(word).join(' ');
        expect(key, word).not.toBe('');
        expect(seen.get(key), `${word} is in two groups`).toBeUndefined();
        seen.set(key, n);
        expect(synonymGroupOf(word)).toBe(group);
      }
    });
  });
});
