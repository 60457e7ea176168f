package dev.ossa.example;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the example's agents call, simulated so that the example needs no network: a weather forecast that
 * always answers, and a hotel booking that is declined when the stay costs more than the budget. The routes call it
 * as the bean {@code tools}.
 */
public class SimulatedTools {

    private static final String[] SKIES = {"sunny", "partly cloudy", "light rain", "sunny", "windy"};
    private static final int PRICE_PER_NIGHT_EUR = 410;

    /** The tool {@code weather.forecast}: one forecast per day. */
    public Map<String, Object> forecast(String city, int days) {
        List<Map<String, Object>> forecast = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("day", day);
            entry.put("sky", SKIES[(day - 1) % SKIES.length]);
            entry.put("highCelsius", 21 + day % 3);
            forecast.add(entry);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "weather.forecast");
        result.put("city", city);
        result.put("forecast", forecast);
        return result;
    }

    /**
     * The tool {@code hotels.book}.
     *
     * @throws ToolFailedException when the stay costs more than {@code budgetEur}
     */
    public Map<String, Object> bookHotel(String city, int nights, int budgetEur) throws ToolFailedException {
        int total = PRICE_PER_NIGHT_EUR * nights;
        if (total > budgetEur) {
            throw new ToolFailedException("payment declined: " + nights + " nights in " + city + " cost " + total
                                          + " EUR, over the budget of " + budgetEur + " EUR");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "hotels.book");
        result.put("city", city);
        result.put("nights", nights);
        result.put("totalEur", total);
        result.put("confirmation", "HTL-" + Math.abs((city + nights).hashCode()));
        return result;
    }
}
