import { describe, expect, it } from 'vitest'
import { commands, findCommand } from '../../src/commands/index.ts'
import { ArgsStore, CUSTOM_ID_CHARS, decodePageId, encodePageId } from '../../src/discord/custom-id.ts'

const search = findCommand('search')
if (!search) throw new Error('the registry has no search command')

describe('page buttons keep their state in the custom_id', () => {
  it('round-trips the command, its options and the page', () => {
    const store = new ArgsStore()
    const id = encodePageId(
      { command: 'search', args: { query: 'military police', limit: 10 }, page: 3 },
      search,
      store,
    )
    expect(id).toBe('pg:3:search:["military police",10]')
    expect(decodePageId(id, findCommand, store)).toEqual({
      ok: true,
      state: { command: 'search', args: { query: 'military police', limit: 10 }, page: 3 },
    })
  })

  it('survives a restart: a fresh store decodes an id that carries its options', () => {
    const id = encodePageId(
      { command: 'search', args: { query: 'Jaysh al-Azza' }, page: 1 },
      search,
      new ArgsStore(),
    )
    expect(decodePageId(id, findCommand, new ArgsStore())).toMatchObject({ ok: true, state: { page: 1 } })
  })

  it('keeps options too long for 100 characters in memory, and says when they are gone', () => {
    const store = new ArgsStore()
    const query = `${'long question '.repeat(30)}@everyone`
    const id = encodePageId({ command: 'search', args: { query }, page: 2 }, search, store)
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_CHARS)
    expect(decodePageId(id, findCommand, store)).toEqual({
      ok: true,
      state: { command: 'search', args: { query }, page: 2 },
    })
    expect(decodePageId(id, findCommand, new ArgsStore())).toEqual({ ok: false, reason: 'expired' })
  })

  it('stays within 100 characters for every command of the registry, whatever the options', () => {
    const store = new ArgsStore()
    for (const c of commands) {
      const args = Object.fromEntries(
        c.options.map((o) => [o.name, o.type === 'string' ? 'ك'.repeat(300) : 7]),
      )
      expect(encodePageId({ command: c.name, args, page: 9999 }, c, store).length).toBeLessThanOrEqual(
        CUSTOM_ID_CHARS,
      )
    }
  })

  it.each([
    ['post', 'not-a-page'],
    ['pg:1:nosuchcommand:[]', 'unknown-command'],
    ['pg:1:search:{"query":1}', 'malformed'],
    ['pg:1:search:[not json', 'malformed'],
    ['pg:1:search:[{"a":1}]', 'malformed'],
    ['pg:1:search:["a",1,2,3,4,5,6,7,8,9,10]', 'malformed'],
  ])('refuses %j (%s) without throwing', (id, reason) => {
    expect(decodePageId(id, findCommand, new ArgsStore())).toEqual({ ok: false, reason })
  })
})
