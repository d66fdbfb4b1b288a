/**
 * A fake Discord on 127.0.0.1, enough for the real discord.js client to log in and answer:
 * the REST API (gateway info, interaction callbacks, webhook edits and follow-ups, channel
 * messages, command registration) and the gateway websocket (HELLO, IDENTIFY → READY and one
 * GUILD_CREATE, heartbeats, dispatches). Every REST request is recorded for tests to assert.
 *
 *   const discord = await startFakeDiscord()
 *   // the bot: new Client({ rest: { api: discord.api } }) — or DISCORD_API_BASE=discord.api
 *   await discord.identified                      // the bot has logged in
 *   const x = await discord.interact(slashCommand('search', { query: 'police' }))
 *   x.ackMs, x.callback?.body, x.final?.body     // what the bot sent, and when
 *   discord.requests                              // every request, in order
 *   await discord.stop()
 *
 * Built for reuse (the load test): `interact` can run many at once; each waits only for the
 * requests that carry its own interaction token.
 *
 * Sharding: `startFakeDiscord({ shards: 2 })` recommends two shards, has one server per shard
 * (`guildIds`, by Discord's rule shard = (guild id >> 22) % shards) and sends each server's
 * events only over the connection of the shard that owns it, DMs over shard 0's, as Discord does.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'

export interface RecordedRequest {
  method: string
  /** Without the /api/v10 prefix, e.g. /interactions/123/tok/callback. */
  path: string
  query: Record<string, string>
  /** The Authorization header, when sent. */
  authorization: string | null
  /** Parsed JSON, or the raw text when not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON; tests assert their shape
  body: any
  /** performance.now() when it arrived. */
  at: number
}

export interface Exchange {
  id: string
  token: string
  /** performance.now() when the interaction was dispatched. */
  sentAt: number
  /** The interaction callback (the acknowledgement): body.type is 4 reply, 5 deferred, 6 deferred update, 7 update, 8 autocomplete. */
  callback: RecordedRequest | undefined
  /** Milliseconds from dispatch to the callback. */
  ackMs: number
  /** Every request that carried this interaction's token, in order. */
  requests: RecordedRequest[]
  /** The message the user ends up seeing: the last webhook edit or follow-up, else the callback. */
  final: RecordedRequest | undefined
}

export interface FakeUser {
  id: string
  username: string
  bot?: boolean
}

export interface FakeDiscord {
  /** The REST base for discord.js (`rest: { api }`) or DISCORD_API_BASE, e.g. http://127.0.0.1:PORT/api. */
  api: string
  applicationId: string
  bot: FakeUser
  guildId: string
  /** One server per shard, guildIds[s] on shard s (guildIds[0] is guildId when it is on shard 0). */
  guildIds: string[]
  channelId: string
  /** The shard ids that have logged in, in order. */
  identifiedShards: number[]
  /** Resolves with the IDENTIFY payload once the bot has logged in (READY and GUILD_CREATE sent). */
  identified: Promise<{ token: string; intents: number }>
  requests: RecordedRequest[]
  /** Sends INTERACTION_CREATE and waits for the bot to finish answering it (see `settled`). */
  interact(interaction: InteractionInit, options?: WaitOptions): Promise<Exchange>
  /** Sends MESSAGE_CREATE and waits for the bot's replies to that message (none after `timeoutMs`). */
  message(init: MessageInit, options?: WaitOptions): Promise<RecordedRequest[]>
  /** Sends any dispatch (op 0) to the bot. */
  dispatch(t: string, d: unknown): void
  /** A message object as Discord sends it (for context menus and buttons). */
  messageObject(init: MessageInit): Record<string, unknown>
  stop(): Promise<void>
}

export interface WaitOptions {
  /** Give up after this long; interact() then resolves with what arrived (default 5000). */
  timeoutMs?: number
  /** After the final response, how long no further request must come (default 40). */
  quietMs?: number
}

/** What a test gives for an interaction; the fake fills in ids, token, guild, channel and member. */
export interface InteractionInit {
  type: number
  data: Record<string, unknown>
  user?: FakeUser
  /** The member's permission bits as a decimal string (default: none). */
  permissions?: string
  message?: Record<string, unknown>
  /** null: sent from a DM; a server id from guildIds: from that server (default guildId). */
  guild?: null | string
}

export interface MessageInit {
  content: string
  author?: FakeUser
  mentions?: FakeUser[]
  embeds?: unknown[]
  components?: unknown[]
  flags?: number
  id?: string
}

const EPOCH = 1420070400000n
let sequence = 0n
/** A snowflake for now: Discord ids sort by time. */
export function snowflake(): string {
  sequence = (sequence + 1n) % 4096n
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | sequence)
}

export const ALICE: FakeUser = { id: '200000000000000001', username: 'alice' }
export const BOB: FakeUser = { id: '200000000000000002', username: 'bob' }

const FINAL_CALLBACKS = new Set([4, 7, 8, 9])

/** Interaction types and option types as Discord numbers them. */
export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4 } as const
export const OptionType = { string: 3, integer: 4, boolean: 5 } as const

type OptionValues = Record<string, string | number | boolean>

function optionList(values: OptionValues, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type:
      typeof value === 'string'
        ? OptionType.string
        : typeof value === 'number'
          ? OptionType.integer
          : OptionType.boolean,
    value,
    ...(name === focused ? { focused: true } : {}),
  }))
}

/** A slash command as submitted. */
export function slashCommand(name: string, options: OptionValues = {}, user?: FakeUser): InteractionInit {
  return {
    type: InteractionType.Command,
    data: { id: snowflake(), name, type: 1, options: optionList(options) },
    ...(user ? { user } : {}),
  }
}

/** Typing into an autocompleted option: `focused` names it. */
export function autocomplete(
  name: string,
  options: OptionValues,
  focused: string,
  user?: FakeUser,
): InteractionInit {
  return {
    type: InteractionType.Autocomplete,
    data: { id: snowflake(), name, type: 1, options: optionList(options, focused) },
    ...(user ? { user } : {}),
  }
}

/** A button press on a message (give the message object the bot sent, from messageObject()). */
export function buttonPress(
  customId: string,
  message: Record<string, unknown>,
  user?: FakeUser,
): InteractionInit {
  return {
    type: InteractionType.Component,
    data: { custom_id: customId, component_type: 2 },
    message,
    ...(user ? { user } : {}),
  }
}

/** A message context-menu command on `target` (a message object from messageObject()). */
export function messageCommand(
  name: string,
  target: Record<string, unknown>,
  user?: FakeUser,
): InteractionInit {
  const id = String(target.id)
  return {
    type: InteractionType.Command,
    data: { id: snowflake(), name, type: 3, target_id: id, resolved: { messages: { [id]: target } } },
    ...(user ? { user } : {}),
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A file sent with a message (multipart/form-data), as the fake received it. */
export interface ReceivedFile {
  field: string
  name: string
  type: string
  bytes: Buffer
}

/**
 * A multipart body (a message with files) as Discord reads it: the JSON of `payload_json` with
 * the files beside it under `files`. Node's own Response parses the form.
 */
async function readMultipart(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData()
  const payload = form.get('payload_json')
  const body = (typeof payload === 'string' ? JSON.parse(payload) : {}) as Record<string, unknown>
  const files: ReceivedFile[] = []
  for (const [field, value] of form.entries())
    if (typeof value !== 'string')
      files.push({ field, name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) })
  return { ...body, files }
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeDiscord(options: { shards?: number } = {}): Promise<FakeDiscord> {
  const shardCount = options.shards ?? 1
  const applicationId = '100000000000000001'
  const bot: FakeUser = { id: applicationId, username: 'Musalaha', bot: true }
  const guildId = '300000000000000001'
  const channelId = '300000000000000002'
  const shardOf = (guild: string) => Number((BigInt(guild) >> 22n) % BigInt(shardCount))
  // One server per shard: the first server, then ids a step of 2^22 apart until every shard has one.
  const byShard = new Map<number, string>([[shardOf(guildId), guildId]])
  for (let k = 1n; byShard.size < shardCount; k++) {
    const id = String(BigInt(guildId) + (k << 22n))
    if (!byShard.has(shardOf(id))) byShard.set(shardOf(id), id)
  }
  const guildIds = [...byShard].sort((a, b) => a[0] - b[0]).map(([, id]) => id)
  const identifiedShards: number[] = []
  const requests: RecordedRequest[] = []
  const listeners = new Set<(r: RecordedRequest) => void>()
  /** Each open gateway connection and the shard it identified as (-1 before IDENTIFY). */
  const sockets = new Map<WebSocket, number>()
  let seq = 0
  let resolveIdentified: (v: { token: string; intents: number }) => void = () => undefined
  const identified = new Promise<{ token: string; intents: number }>((r) => {
    resolveIdentified = r
  })

  const channel = {
    id: channelId,
    type: 0,
    name: 'general',
    guild_id: guildId,
    position: 0,
    permission_overwrites: [],
  }

  function messageObject(init: MessageInit): Record<string, unknown> {
    return {
      id: init.id ?? snowflake(),
      type: 0,
      channel_id: channelId,
      guild_id: guildId,
      author: { ...(init.author ?? ALICE), discriminator: '0', global_name: null, avatar: null },
      content: init.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: (init.mentions ?? []).map((u) => ({
        ...u,
        discriminator: '0',
        global_name: null,
        avatar: null,
      })),
      mention_roles: [],
      attachments: [],
      embeds: init.embeds ?? [],
      components: init.components ?? [],
      pinned: false,
      flags: init.flags ?? 0,
    }
  }

  /** The message the bot's payload makes, as Discord would return it. */
  function sentMessage(body: Record<string, unknown> | undefined): Record<string, unknown> {
    return {
      ...messageObject({
        content: typeof body?.content === 'string' ? body.content : '',
        author: bot,
        embeds: (body?.embeds as unknown[]) ?? [],
        components: (body?.components as unknown[]) ?? [],
        flags: typeof body?.flags === 'number' ? body.flags : 0,
      }),
      attachments: ((body?.files as ReceivedFile[] | undefined) ?? []).map((f) => ({
        id: snowflake(),
        filename: f.name,
        size: f.bytes.length,
        content_type: f.type,
        url: `https://cdn.invalid/attachments/${f.name}`,
        proxy_url: `https://cdn.invalid/attachments/${f.name}`,
      })),
      application_id: applicationId,
      webhook_id: applicationId,
    }
  }

  function reply(res: ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) {
      res.writeHead(status).end()
      return
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    const text = raw.toString('utf8')
    const contentType = req.headers['content-type'] ?? ''
    let body: unknown = text
    if (text && contentType.includes('json')) {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    } else if (contentType.startsWith('multipart/form-data')) body = await readMultipart(raw, contentType)
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '')
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      body,
      at: performance.now(),
    }
    requests.push(record)
    for (const l of listeners) l(record)
    const m = record.method
    const json = (body && typeof body === 'object' ? body : undefined) as Record<string, unknown> | undefined
    if (m === 'GET' && path === '/gateway/bot') {
      const { port } = server.address() as AddressInfo
      return reply(res, 200, {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      })
    }
    if (m === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return reply(res, 204)
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) {
      if (m === 'DELETE') return reply(res, 204)
      return reply(res, 200, sentMessage(json))
    }
    if (m === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return reply(res, 200, sentMessage(json))
    if (m === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) return reply(res, 200, sentMessage(json))
    if (m === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(body))
      return reply(
        res,
        200,
        body.map((c: Record<string, unknown>) => ({
          ...c,
          id: snowflake(),
          application_id: applicationId,
          version: snowflake(),
        })),
      )
    return reply(res, 404, { message: '404: Not Found', code: 0 })
  })

  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/gateway')) return socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws))
  })
  const send = (ws: WebSocket, payload: Record<string, unknown>) => ws.send(JSON.stringify(payload))
  const dispatchTo = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d })
  wss.on('connection', (ws: WebSocket) => {
    sockets.set(ws, -1)
    ws.on('close', () => sockets.delete(ws))
    send(ws, { op: 10, d: { heartbeat_interval: 41250 } })
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> }
      if (packet.op === 1) send(ws, { op: 11 })
      if (packet.op === 2) {
        const { port } = server.address() as AddressInfo
        const [shard = 0, count = 1] = (packet.d.shard as [number, number] | undefined) ?? []
        if (count !== shardCount)
          throw new Error(`fake discord: a client identified as one of ${count} shards`)
        sockets.set(ws, shard)
        identifiedShards.push(shard)
        const mine = guildIds.filter((g) => shardOf(g) === shard)
        dispatchTo(ws, 'READY', {
          v: 10,
          user: { ...bot, discriminator: '0', global_name: null, avatar: null },
          guilds: mine.map((id) => ({ id, unavailable: true })),
          session_id: randomBytes(8).toString('hex'),
          resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
          shard: [shard, count],
          application: { id: applicationId, flags: 0 },
        })
        for (const id of mine) dispatchTo(ws, 'GUILD_CREATE', guildObject(id))
        resolveIdentified({ token: String(packet.d.token), intents: Number(packet.d.intents) })
      }
    })
  })

  function guildObject(id: string): Record<string, unknown> {
    return {
      id,
      name: 'Test server',
      owner_id: ALICE.id,
      unavailable: false,
      member_count: 3,
      large: false,
      joined_at: new Date().toISOString(),
      roles: [
        {
          id,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
        },
      ],
      channels: [{ ...channel, guild_id: id }],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      emojis: [],
      stickers: [],
      features: [],
      stage_instances: [],
      guild_scheduled_events: [],
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  /** To the shard that owns the event's server (DMs: shard 0), as Discord routes them. */
  function dispatch(t: string, d: unknown): void {
    const guild = (d as { guild_id?: unknown } | null)?.guild_id
    const shard = typeof guild === 'string' ? shardOf(guild) : 0
    for (const [ws, s] of sockets) if (s === shard && ws.readyState === WebSocket.OPEN) dispatchTo(ws, t, d)
  }

  /** Waits until `done` holds for the requests matching `mine`, then until `quietMs` pass without another. */
  function collect(
    mine: (r: RecordedRequest) => boolean,
    done: (rs: RecordedRequest[]) => boolean,
    options: WaitOptions,
  ): Promise<RecordedRequest[]> {
    const got: RecordedRequest[] = []
    const quietMs = options.quietMs ?? 40
    return new Promise((resolve) => {
      let quiet: NodeJS.Timeout | undefined
      const finish = () => {
        listeners.delete(listener)
        clearTimeout(quiet)
        clearTimeout(limit)
        resolve(got)
      }
      const listener = (r: RecordedRequest) => {
        if (!mine(r)) return
        got.push(r)
        if (done(got)) {
          clearTimeout(quiet)
          quiet = setTimeout(finish, quietMs)
        }
      }
      const limit = setTimeout(finish, options.timeoutMs ?? 5000)
      listeners.add(listener)
    })
  }

  return {
    api: `http://127.0.0.1:${port}/api`,
    applicationId,
    bot,
    guildId,
    guildIds,
    channelId,
    identifiedShards,
    identified,
    requests,
    dispatch,
    messageObject,
    async interact(init, options = {}) {
      const id = snowflake()
      const token = `tok_${randomBytes(12).toString('hex')}`
      const user = init.user ?? ALICE
      const userObject = { ...user, discriminator: '0', global_name: null, avatar: null }
      const inGuild = init.guild !== null
      const guild = typeof init.guild === 'string' ? init.guild : guildId
      const payload = {
        id,
        application_id: applicationId,
        type: init.type,
        token,
        version: 1,
        data: init.data,
        channel_id: channelId,
        channel: { ...channel, guild_id: guild },
        locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guild },
        context: inGuild ? 0 : 1,
        app_permissions: '2147483647',
        ...(inGuild
          ? {
              guild_id: guild,
              guild_locale: 'en-US',
              member: {
                user: userObject,
                roles: [],
                permissions: init.permissions ?? '0',
                joined_at: new Date().toISOString(),
                deaf: false,
                mute: false,
                flags: 0,
              },
            }
          : { user: userObject }),
        ...(init.message ? { message: init.message } : {}),
      }
      const mine = (r: RecordedRequest) => r.path.includes(`/${token}`)
      const done = (rs: RecordedRequest[]) => {
        const cb = rs.find((r) => r.path.endsWith('/callback'))
        if (!cb) return false
        const type = (cb.body as { type?: number })?.type ?? 0
        return FINAL_CALLBACKS.has(type) || rs.some((r) => r.path.startsWith('/webhooks/'))
      }
      const sentAt = performance.now()
      const waiting = collect(mine, done, options)
      dispatch('INTERACTION_CREATE', payload)
      const rs = await waiting
      const callback = rs.find((r) => r.path.endsWith('/callback'))
      const later = rs.filter((r) => r.path.startsWith('/webhooks/') && r.method !== 'DELETE')
      return {
        id,
        token,
        sentAt,
        callback,
        ackMs: callback ? callback.at - sentAt : Number.POSITIVE_INFINITY,
        requests: rs,
        final: later[later.length - 1] ?? callback,
      }
    },
    async message(init, options = {}) {
      const message = messageObject(init)
      const waiting = collect(
        (r) =>
          r.method === 'POST' &&
          r.path === `/channels/${channelId}/messages` &&
          (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id ===
            message.id,
        (rs) => rs.length > 0,
        { timeoutMs: options.timeoutMs ?? 1500, quietMs: options.quietMs ?? 40 },
      )
      dispatch('MESSAGE_CREATE', {
        ...message,
        member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      })
      return waiting
    },
    async stop() {
      for (const ws of sockets.keys()) ws.terminate()
      wss.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
