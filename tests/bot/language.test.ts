// The bot's language against the Bot API emulator: Telegram's language_code, /language, and
// the command menu and descriptions registered per language.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const USER = 7201;
const RU = { language_code: 'ru' };
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('languages', () => {
  it('registers the command menu, description and short description in English (default) and Russian', async () => {
    harness = await startHarness();
    const { emulator } = harness;
    expect(emulator.commandsFor(undefined, 'ru').find((c) => c.command === 'summary')?.description).toBe('Сводка по теме прямо сейчас');
    expect(emulator.commands.find((c) => c.command === 'settings')?.description).toMatch(/with buttons/);
    expect(emulator.descriptionFor()).toMatch(/^I send you a short daily digest/);
    expect(emulator.descriptionFor('ru')).toMatch(/^Я присылаю короткую ежедневную сводку/);
    expect(emulator.shortDescriptionFor('ru')).toMatch(/^Ежедневная сводка новостей/);
  });

  it('a Russian-language user gets the bot in Russian, the news in the language it was written in', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator } = harness;
    const [greeting] = await harness.say(USER, '/start', 1, { from: RU });
    expect(greeting).toMatch(/^Здравствуйте, User7201! Вы подписаны: ежедневная сводка в 08:00 \(UTC\)/);

    const [digest] = await harness.say(USER, '/summary syria', 1, { from: RU });
    expect(digest).toMatch(/^syria: 1 сюжет\n/);
    // The article's headline and quotes stay English; the bot's date is Russian.
    expect(digest).toContain("Putin: Russia & US may reach agreement on Syria 'within next few days'");
    expect(digest).toMatch(/RT, 5 сент\., 14:12 UTC/);
    const labels = emulator.botMessages(USER).at(-1)!.reply_markup!.inline_keyboard!.flat().map((b) => b.text);
    expect(labels).toEqual(['Подробнее 1', 'Публикации 1', 'Следить: syria']);

    expect((await harness.say(USER, '/follow climate', 1, { from: RU }))[0]).toBe(
      'Вы следите за темой climate. На этой неделе сюжетов по ней пока нет; они появятся в сводке, когда будут.',
    );
    expect((await harness.say(USER, '/nonsense', 1, { from: RU }))[0]).toBe('Я не знаю такой команды. Список команд — в /help.');
    // A question nothing answers: the bot's own words in Russian, the window with them.
    const [notFound] = await harness.say(USER, 'what did the harbour master say about zebras', 1, { from: RU });
    expect(notFound).toMatch(/^Не нахожу этого в статьях\. Я искал: новости за последние 7 дней, затем более старые статьи\./);
  });

  it('/language overrides Telegram: buttons answer in the language chosen, and "as my Telegram app" goes back', async () => {
    harness = await startHarness({ emulator: { rateLimits: false } });
    const { emulator, store } = harness;
    const [question] = await harness.say(USER, '/language', 1, { from: RU });
    expect(question).toMatch(/^Выберите язык бота/);
    const message = emulator.botMessages(USER).at(-1)!;
    await harness.press(USER, message.message_id, 'lang:en');
    expect(emulator.botMessages(USER).at(-1)!.text).toBe('I will speak English from now on.');
    expect((await store.subscribers.get(USER))?.language).toBe('en');
    // The user's Telegram is still Russian; the bot keeps to the choice.
    expect((await harness.say(USER, '/topics', 1, { from: RU }))[0]).toMatch(/^You follow no topics/);

    const [again] = await harness.say(USER, '/language', 1, { from: RU });
    expect(again).toMatch(/^Choose the bot's language/);
    await harness.press(USER, emulator.botMessages(USER).at(-1)!.message_id, 'lang:auto');
    expect(emulator.botMessages(USER).at(-1)!.text).toBe('Теперь я говорю по-русски.');
    expect(await store.subscribers.get(USER)).toMatchObject({ language: null, clientLanguage: 'ru' });
  });
});
