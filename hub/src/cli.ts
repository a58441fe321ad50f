import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DELIVERY_STATES, type DeliveryState } from '../../contract/deliveries';
import { type PollResults, SCALE_LEVELS } from '../../contract/polls';
import { pollInputSchema, type ValidPoll } from '../../contract/requests';
import { configuredStore } from './attachments/configured';
import { configFromEnv } from './config';
import type { Db } from './db/client';
import { openDatabase } from './db/client';
import type { Poll } from './db/schema';
import { deskLinksOf, revokeDeskLinks } from './desk/links';
import { createDirectory, readInstitutionsFile, syncBuiltinDirectory, upsertInstitutions } from './directory/directory';
import { resealFollowers } from './followers/followers';
import { addOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311/clients';
import {
  listDeliveries,
  markDuplicateAsOperator,
  operatorView,
  overdueReports,
  retryDelivery,
} from './operator/operator';
import { closePoll, createPoll, editPoll, listPolls, pollState } from './polls/polls';
import { resultsOf } from './polls/results';
import { loadKeyring } from './privacy/keyring';
import { resealAll, resealAttachments } from './privacy/rotate';
import { loadRegions } from './regions/regions';
import { addSite, listSites, removeSite } from './sites/sites';
import { createCalendar, loadDecrees } from './workflow/calendar';
import { type Clock, realClock } from './workflow/clock';

const USAGE = `Usage: npm run hub -- <command>

  site add --name NAME --origin ORIGIN [--origin ORIGIN …] --institution ID [--category ID] [--lock]
      Registers a website that embeds the widget and prints its site key.
  site list
      Lists the registered websites.
  site remove KEY
      Removes a website; its reports stay.
  open311 add --name NAME [--institution ID]
      Registers a program that files reports through Open311 (/open311/v2/) and prints its API key, once;
      with an institution, it files for that institution and those under it only.
  open311 list
      Lists the Open311 clients (never their keys).
  open311 revoke ID
      Revokes a client's API key at once; the reports it filed stay.
  institution import FILE
      Adds or updates institutions from a JSON file: [{"id", "name", "type", "parentId"?}, …]
      (type: kementerian, lembaga, pemerintah-daerah or unit).
  keys rotate
      Re-encrypts every report's sealed data with the current (first) data key of LAPOR_DATA_KEYS.
  outbox list [--state pending|delivered|needs_attention]
      Lists deliveries, newest first.
  outbox retry ID
      Sends a delivery again from the start (after fixing what made it fail).
  report show TRACKING_ID
      Prints a report in full, an anonymous reporter's contact included, with its deliveries.
  report duplicate TRACKING_ID ORIGINAL
      Links a report to the earlier one it repeats: its tracker points there, its followers follow that one.
  deadlines overdue
      Lists open reports with a deadline past, the longest overdue first.
  desk link TRACKING_ID
      Prints a new link to the report's desk page, for an institution's desk that lost its email's link.
  desk revoke TRACKING_ID
      Revokes every desk link of the report issued until now (a link forwarded to the wrong person).
  poll create FILE
      Creates a policy poll from a JSON file (see PollInput in the API document) and prints its embed snippet.
  poll edit ID FILE
      Replaces a poll that has not opened yet with the JSON file's.
  poll close ID
      Closes a poll now and prints its results.
  poll list [--institution ID]
      Lists polls: their state, and the counts of closed ones only.

The database is DATABASE_URL, or DATA_DIR/hub.sqlite (DATA_DIR defaults to ./data), as for npm start.`;

/** The operator's commands, run against the same database as the hub. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = realClock,
): Promise<number> {
  const [group, command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      institution: { type: 'string' },
      category: { type: 'string' },
      lock: { type: 'boolean', default: false },
      state: { type: 'string' },
    },
  });
  const db = await openDatabase(configFromEnv(env).database);
  try {
    await syncBuiltinDirectory(db);
    switch (`${group} ${command}`) {
      case 'site add': {
        if (!values.name || !values.origin?.length || !values.institution) return usage();
        const site = await addSite(db, {
          name: values.name,
          origins: values.origin,
          institutionId: values.institution,
          categoryId: values.category,
          lockInstitution: values.lock,
        });
        console.log(`Registered ${site.name} with site key ${site.key}`);
        console.log(`Embed: <lapor-form site="${site.key}"></lapor-form>`);
        return 0;
      }
      case 'site list': {
        const all = await listSites(db);
        if (!all.length) console.log('No websites are registered.');
        for (const site of all) {
          const lock = site.lockInstitution ? ' (locked)' : '';
          console.log(
            `${site.key}\t${site.name}\t${site.institutionId}${lock}\t${site.categoryId ?? '-'}\t${site.origins.join(' ')}`,
          );
        }
        return 0;
      }
      case 'site remove': {
        const [key] = positionals;
        if (!key) return usage();
        if (!(await removeSite(db, key))) throw new Error(`no site has the key ${key}`);
        console.log(`Removed site ${key}.`);
        return 0;
      }
      case 'open311 add': {
        if (!values.name) return usage();
        const { client, key } = await addOpen311Client(
          db,
          { name: values.name, ...(values.institution && { institutionId: values.institution }) },
          clock(),
        );
        console.log(`Registered ${client.name} as Open311 client ${client.id}.`);
        console.log(`API key (shown this once; the hub keeps only its hash): ${key}`);
        return 0;
      }
      case 'open311 list': {
        const all = await listOpen311Clients(db);
        if (!all.length) console.log('No Open311 clients are registered.');
        for (const client of all) {
          const state = client.revokedAt ? `revoked ${client.revokedAt.toISOString()}` : 'active';
          console.log(`${client.id}\t${client.name}\t${client.institutionId ?? '-'}\t${state}`);
        }
        return 0;
      }
      case 'open311 revoke': {
        const [id] = positionals;
        if (!id) return usage();
        if (!(await revokeOpen311Client(db, id, clock()))) throw new Error(`no active Open311 client has the id ${id}`);
        console.log(`Revoked the API key of Open311 client ${id}.`);
        return 0;
      }
      case 'institution import': {
        const [file] = positionals;
        if (!file) return usage();
        const count = await upsertInstitutions(db, readInstitutionsFile(file), 'import');
        console.log(`Imported ${count} institution(s) from ${file}.`);
        return 0;
      }
      case 'keys rotate': {
        const { keyring } = loadKeyring(env, join(configFromEnv(env).dataDir, 'data-key'));
        const count = await resealAll(db, keyring);
        const files = await resealAttachments(db, configuredStore(configFromEnv(env)), keyring);
        const followers = await resealFollowers(db, keyring);
        console.log(
          `Re-encrypted ${count} report(s), ${files} attachment(s) and ${followers} follower address(es) with data key ${keyring.currentId}.`,
        );
        return 0;
      }
      case 'outbox list': {
        const state = values.state as DeliveryState | undefined;
        if (state && !DELIVERY_STATES.includes(state)) return usage();
        const rows = await listDeliveries(db, { state });
        if (!rows.length) console.log('No deliveries.');
        for (const d of rows) {
          console.log(
            [
              d.id,
              d.trackingId,
              d.kind,
              d.destination,
              d.state,
              `${d.attempts} attempt(s)`,
              d.externalRef ?? '-',
              d.lastError ?? '',
            ].join('\t'),
          );
        }
        return 0;
      }
      case 'outbox retry': {
        const id = Number(positionals[0]);
        if (!Number.isInteger(id)) return usage();
        await retryDelivery(db, id);
        console.log(`Delivery ${id} will be sent again at once.`);
        return 0;
      }
      case 'report show': {
        const [trackingId] = positionals;
        if (!trackingId) return usage();
        console.log(JSON.stringify(await operatorView(await viewDeps(db, env), trackingId), null, 2));
        return 0;
      }
      case 'desk link':
      case 'desk revoke': {
        const [trackingId] = positionals;
        if (!trackingId) return usage();
        const config = configFromEnv(env);
        const links = deskLinksOf(config, loadKeyring(env, join(config.dataDir, 'data-key')).keyring);
        if (command === 'revoke') {
          await revokeDeskLinks(db, trackingId, clock());
          console.log(`Every desk link of ${trackingId} issued until now is revoked.`);
        } else {
          console.log(await links.issue(db, trackingId, clock()));
        }
        return 0;
      }
      case 'report duplicate': {
        const [trackingId, original] = positionals;
        if (!trackingId || !original) return usage();
        const { keyring } = loadKeyring(env, join(configFromEnv(env).dataDir, 'data-key'));
        const linked = await markDuplicateAsOperator(db, keyring, trackingId, original, clock());
        console.log(
          linked.changed
            ? `${trackingId} now points to ${linked.original}, which is handled instead.`
            : `${trackingId} already pointed to ${linked.original}.`,
        );
        return 0;
      }
      case 'deadlines overdue': {
        const rows = await overdueReports(await viewDeps(db, env));
        if (!rows.length) console.log('Nothing is overdue.');
        for (const r of rows) {
          console.log(
            [
              r.trackingId,
              r.institutionId,
              r.status,
              r.deadline.kind,
              r.deadline.due,
              `${-r.deadline.workingDaysLeft} working day(s) overdue`,
            ].join('\t'),
          );
        }
        return 0;
      }
      case 'poll create': {
        const [file] = positionals;
        if (!file) return usage();
        const poll = await createPoll(db, await pollPlaces(db), readPollFile(file), clock());
        console.log(`Created poll ${poll.id}: ${poll.question}`);
        console.log(`Embed: <lapor-poll poll="${poll.id}"></lapor-poll>`);
        return 0;
      }
      case 'poll edit': {
        const [id, file] = positionals;
        if (!id || !file) return usage();
        const poll = await editPoll(db, await pollPlaces(db), id, readPollFile(file), clock());
        console.log(`Changed poll ${poll.id}: ${poll.question}`);
        return 0;
      }
      case 'poll close': {
        const [id] = positionals;
        if (!id) return usage();
        const now = clock();
        const poll = await closePoll(db, id, now);
        console.log(`Closed poll ${poll.id}.`);
        printPoll(poll, await resultsOf(db, poll, now), now);
        return 0;
      }
      case 'poll list': {
        const now = clock();
        const all = await listPolls(db, values.institution ? { institutionId: values.institution } : {}, now);
        if (!all.length) console.log('No polls.');
        for (const poll of all) {
          printPoll(poll, pollState(poll, now) === 'closed' ? await resultsOf(db, poll, now) : undefined, now);
        }
        return 0;
      }
      default:
        return usage();
    }
  } finally {
    await db.$close();
  }
}

/** What the operator's views read: the directory, regions, keys and working days, as the hub has them. */
async function viewDeps(db: Db, env: NodeJS.ProcessEnv) {
  const { dataDir } = configFromEnv(env);
  return {
    db,
    directory: await createDirectory(db),
    regions: await loadRegions(),
    keyring: loadKeyring(env, join(dataDir, 'data-key')).keyring,
    calendar: createCalendar(loadDecrees(join(dataDir, 'holidays.json'))),
  };
}

/** What a poll's institution and region are checked against, as the hub has them. */
async function pollPlaces(db: Db) {
  return { directory: await createDirectory(db), regions: await loadRegions() };
}

/** A poll from the operator's JSON file, every field's problem named. */
function readPollFile(file: string): ValidPoll {
  const parsed = pollInputSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the poll)'}: ${issue.message}`);
  throw new Error(`${file} is not a valid poll:\n  ${problems.join('\n  ')}`);
}

/** One poll per line, then its counts if it has closed. */
function printPoll(poll: Poll, results: PollResults | undefined, now: Date): void {
  console.log(
    [
      poll.id,
      pollState(poll, now),
      poll.institutionId,
      poll.opensAt.toISOString(),
      poll.closesAt.toISOString(),
      poll.question,
    ].join('\t'),
  );
  if (!results) return;
  // A scale poll's levels by number: 1 (strongly disagree) to SCALE_LEVELS (strongly agree).
  const labels = poll.kind === 'choice' ? poll.options : Array.from({ length: SCALE_LEVELS }, (_, i) => String(i + 1));
  for (const [index, label] of labels.entries()) console.log(`\t${results.counts[index] ?? 0}\t${label}`);
  console.log(`\t${results.votes}\tvotes in all, ${results.comments} with a comment`);
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
